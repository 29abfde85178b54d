/** The form that writes or edits the mediation agreement; posts intent=agreement, works without JS. */
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/admin/notice";
import { Button } from "~/components/ui/button";
import { TextArea, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";

export interface AgreementFormValues {
  facts: string;
  issues: string;
  terms: string;
  performance: string;
  signedOn: string;
}

export function AgreementForm({
  current,
  today,
  errors,
  values,
}: {
  current: AgreementFormValues | null;
  today: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}) {
  const t = useT();
  const value = (name: keyof AgreementFormValues) => {
    const typed = values?.[name];
    return typeof typed === "string" ? typed : (current?.[name] ?? "");
  };
  return (
    <Form method="post" className="space-y-3" data-testid="agreement-form">
      <input type="hidden" name="intent" value="agreement" />
      <FormErrors errors={errors} />
      <TextArea name="facts" label={t("disputes.agreement.form.facts")} rows={4} defaultValue={value("facts")} error={errors?.facts} required />
      <TextArea name="issues" label={t("disputes.agreement.form.issues")} rows={3} defaultValue={value("issues")} error={errors?.issues} required />
      <TextArea name="terms" label={t("disputes.agreement.form.terms")} rows={4} defaultValue={value("terms")} error={errors?.terms} required />
      <TextArea
        name="performance"
        label={t("disputes.agreement.form.performance")}
        rows={3}
        defaultValue={value("performance")}
        error={errors?.performance}
        required
      />
      <TextField
        name="signedOn"
        type="date"
        label={t("disputes.agreement.form.signedOn")}
        hint={t("disputes.agreement.form.signedOnHint")}
        defaultValue={value("signedOn") || today}
        max={today}
        error={errors?.signedOn}
        required
      />
      <Button type="submit">{t("disputes.agreement.form.save")}</Button>
    </Form>
  );
}
