import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { MemberPicker } from "~/components/pacts/member-picker";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { mayManagePacts } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, formErrors, forbidden } from "~/modules/pacts/answers.server";
import { createJointBody } from "~/modules/pacts/bodies.server";
import { requireMemberPact, standingOf } from "~/modules/pacts/pacts.server";
import { enabledPeopleOf } from "~/modules/pacts/people.server";
import { BODY_KINDS, BODY_LEVELS, JOINT_BODY_LISTS, jointBodySchema } from "~/modules/pacts/schemas";
import { isInEffect } from "~/modules/pacts/transitions";
import { recordDenial } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

/** A member county's pl_staff or admin forms bodies; the pact must exist for the viewer first. */
function requireBodyFounder(viewer: Viewer, rawPactId: string | undefined) {
  const pact = requireMemberPact(viewer, rawPactId);
  if (!mayManagePacts(viewer.roles)) {
    recordDenial(viewer, "pact", pact.id);
    forbidden();
  }
  return pact;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const pact = requireBodyFounder(viewer, params.pactId);
  return {
    pact: { id: pact.id, title: pact.title },
    inEffect: isInEffect(standingOf(pact).phase),
    people: enabledPeopleOf(viewer.countyId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const pact = requireBodyFounder(viewer, params.pactId);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseForm(jointBodySchema, formData, t, JOINT_BODY_LISTS);
  if (!parsed.ok) return formErrors({ errors: parsed.errors, values: parsed.values });
  const result = createJointBody(viewer, pact.id, parsed.data);
  if (!result.ok) return answerRefusal(result, t, formValues(formData, JOINT_BODY_LISTS));
  throw redirect(`/pacts/${pact.id}/bodies/${result.bodyId}?notice=bodyCreated`);
}

export default function NewJointBodyPage() {
  const t = useT();
  const { pact, inEffect, people } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = answer?.errors ?? {};
  const values: Record<string, string | string[]> = answer?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  return (
    <div className="mx-auto max-w-3xl">
      <Link to={`/pacts/${pact.id}`} className="text-sm text-brand-700 hover:underline">
        ← {pact.title}
      </Link>
      <PageHeader title={t("pacts.body.new.title")}>{t("pacts.body.new.intro")}</PageHeader>
      {!inEffect ? (
        <Alert tone="warning">{t("pacts.body.notInEffect")}</Alert>
      ) : (
        <>
          {answer?.formError || Object.keys(errors).length > 0 ? (
            <div className="mb-4">
              <Alert tone="error">{answer?.formError ?? t("form.fixErrors")}</Alert>
            </div>
          ) : null}
          <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <SelectField
              name="kind"
              label={t("pacts.body.field.kind")}
              options={BODY_KINDS.map((k) => ({ value: k, label: t(`pacts.body.kind.${k}`) }))}
              defaultValue={text("kind") ?? BODY_KINDS[0]}
              error={errors.kind}
            />
            <SelectField
              name="level"
              label={t("pacts.body.field.level")}
              hint={t("pacts.body.field.level.hint")}
              placeholder={t("pacts.body.choose")}
              options={BODY_LEVELS.map((l) => ({ value: l, label: t(`pacts.body.level.${l}`) }))}
              defaultValue={text("level") ?? ""}
              error={errors.level}
            />
            <TextField name="name" label={t("pacts.body.field.name")} maxLength={100} required defaultValue={text("name")} error={errors.name} />
            <MemberPicker people={people} values={values} errors={errors} />
            <div className="flex flex-wrap gap-2">
              <Button disabled={busy}>{t("pacts.body.submit")}</Button>
              <Link to={`/pacts/${pact.id}`} className={buttonLinkClass("secondary")}>
                {t("form.cancel")}
              </Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
