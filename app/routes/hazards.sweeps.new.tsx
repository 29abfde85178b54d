import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { todayInChina } from "~/i18n";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, formErrors } from "~/modules/hazards/answers.server";
import { PLAN_SWEEP_LISTS, planSweepSchema } from "~/modules/hazards/sweep-schemas";
import { planSweep } from "~/modules/hazards/sweeps.server";
import { SCOPE_MAX, SWEEP_KINDS, TITLE_MAX } from "~/modules/hazards/vocabulary";
import { enabledPeopleOf } from "~/modules/pacts/people.server";
import { pactChoicesFor } from "~/modules/records/create.server";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "hazard", "transition");
  return {
    pacts: pactChoicesFor(viewer, "hazard").map((p) => ({ id: p.id, title: p.title })),
    people: enabledPeopleOf(viewer.countyId),
    today: todayInChina(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "hazard", "transition");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseForm(planSweepSchema, formData, t, PLAN_SWEEP_LISTS);
  if (!parsed.ok) return formErrors({ errors: parsed.errors, values: parsed.values });
  const result = planSweep(viewer, parsed.data);
  if (!result.ok) return answerRefusal(result, t, formValues(formData, PLAN_SWEEP_LISTS));
  throw redirect(`/hazards/sweeps/${result.sweepId}?notice=planned`);
}

export default function NewSweepPage() {
  const t = useT();
  const { pacts, people, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = answer?.errors ?? {};
  const values: Record<string, string | string[]> = answer?.values ?? {};
  const text = (name: string, fallback = "") => (typeof values[name] === "string" ? (values[name] as string) : fallback);
  const ticked = Array.isArray(values.participantIds) ? values.participantIds : [];
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/hazards/sweeps" className="text-sm text-brand-700 hover:underline">
        ← {t("hazards.sweeps.back")}
      </Link>
      <PageHeader title={t("hazards.sweep.new.title")}>{t("hazards.sweep.new.intro")}</PageHeader>
      {pacts.length === 0 ? (
        <Alert tone="warning">{t("hazards.sweep.new.noPacts")}</Alert>
      ) : (
        <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          {Object.keys(errors).length > 0 || answer?.formError ? <Alert tone="error">{answer?.formError ?? t("form.fixErrors")}</Alert> : null}
          <SelectField name="pactId" label={t("hazards.sweep.field.pact")} placeholder={pacts.length > 1 ? t("hazards.choose") : undefined}
            options={pacts.map((p) => ({ value: String(p.id), label: p.title }))} defaultValue={text("pactId")} error={errors.pactId} />
          <SelectField name="kind" label={t("hazards.sweep.field.kind")} defaultValue={text("kind", "periodic")} error={errors.kind}
            options={SWEEP_KINDS.map((k) => ({ value: k, label: t(`hazards.sweep.kind.${k}`) }))} />
          <TextField name="title" label={t("hazards.sweep.field.title")} placeholder={t("hazards.sweep.field.title.placeholder")}
            maxLength={TITLE_MAX} defaultValue={text("title")} error={errors.title} />
          <TextArea name="scope" label={t("hazards.sweep.field.scope")} placeholder={t("hazards.sweep.field.scope.placeholder")}
            rows={3} maxLength={SCOPE_MAX} defaultValue={text("scope")} error={errors.scope} />
          <TextField type="date" name="plannedOn" label={t("hazards.sweep.field.plannedOn")} min={today}
            defaultValue={text("plannedOn")} error={errors.plannedOn} />
          <CheckboxGroup name="participantIds" legend={t("hazards.sweep.field.participants")} checked={ticked} error={errors.participantIds}
            options={people.map((p) => ({ value: p.id, label: p.title ? `${p.displayName}（${p.title}）` : p.displayName }))} />
          <div className="flex flex-wrap gap-2">
            <Button disabled={busy} className="min-h-12">{t("hazards.sweep.submit")}</Button>
            <Link to="/hazards/sweeps" className={buttonLinkClass("secondary")}>
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
