import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { personLabel } from "~/components/pacts/pact-bits";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { CheckboxGroup, TextArea, TextField } from "~/components/ui/field";
import { Alert, EmptyState, PageHeader } from "~/components/ui/feedback";
import { todayInChina } from "~/i18n";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { WORKFLOWS, mayManagePacts } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, forbidden, formErrors } from "~/modules/pacts/answers.server";
import { proposePact } from "~/modules/pacts/lifecycle.server";
import { enabledPeopleOf, partnerCountyChoices } from "~/modules/pacts/people.server";
import { ARTICLES_MAX, PROPOSAL_LISTS, proposalSchema } from "~/modules/pacts/schemas";
import { recordDenial } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

/** Only political-legal staff and the county admin propose pacts; anyone else is refused and audited. */
function requireProposer(viewer: Viewer) {
  if (mayManagePacts(viewer.roles)) return;
  recordDenial(viewer, "pact", "new");
  forbidden();
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireProposer(viewer);
  return {
    counties: partnerCountyChoices(viewer),
    people: enabledPeopleOf(viewer.countyId),
    today: todayInChina(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireProposer(viewer);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseForm(proposalSchema, formData, t, PROPOSAL_LISTS);
  if (!parsed.ok) return formErrors({ errors: parsed.errors, values: parsed.values });
  const result = proposePact(viewer, parsed.data);
  if (!result.ok) return answerRefusal(result, t, formValues(formData, PROPOSAL_LISTS));
  throw redirect(`/pacts/${result.pactId}?notice=proposed`);
}

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : []);

export default function ProposePactPage() {
  const t = useT();
  const { counties, people, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = answer?.errors ?? {};
  const values: Record<string, string | string[]> = answer?.values ?? {};
  if (counties.length === 0) {
    return (
      <div>
        <PageHeader title={t("pacts.new.title")} />
        <EmptyState>{t("pacts.new.noPartners")}</EmptyState>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("pacts.new.title")}>{t("pacts.new.intro")}</PageHeader>
      {Object.keys(errors).length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{answer?.formError ?? t("form.fixErrors")}</Alert>
        </div>
      ) : null}
      <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <TextField name="title" label={t("pacts.field.title")} maxLength={200} required defaultValue={text(values.title)} error={errors.title} />
        <CheckboxGroup
          name="partnerCountyIds"
          legend={t("pacts.field.partners")}
          options={counties.map((c) => ({ value: String(c.id), label: t("pacts.countyWithProvince", { name: c.name, province: c.province }) }))}
          checked={list(values.partnerCountyIds)}
          error={errors.partnerCountyIds}
        />
        <CheckboxGroup
          name="workflows"
          legend={t("pacts.field.workflows")}
          options={WORKFLOWS.map((w) => ({ value: w, label: t(`workflow.${w}`) }))}
          checked={list(values.workflows)}
          error={errors.workflows}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="startsOn"
            type="date"
            label={t("pacts.field.startsOn")}
            required
            defaultValue={text(values.startsOn) ?? today}
            error={errors.startsOn}
          />
          <TextField
            name="endsOn"
            type="date"
            label={t("pacts.field.endsOn")}
            hint={t("pacts.field.endsOn.hint")}
            defaultValue={text(values.endsOn)}
            error={errors.endsOn}
          />
        </div>
        <TextArea
          name="articles"
          label={t("pacts.field.articles")}
          hint={t("pacts.field.articles.hint", { max: ARTICLES_MAX })}
          rows={12}
          maxLength={ARTICLES_MAX}
          required
          defaultValue={text(values.articles)}
          error={errors.articles}
        />
        <CheckboxGroup
          name="liaisonIds"
          legend={t("pacts.field.ownLiaisons")}
          options={people.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
          checked={list(values.liaisonIds)}
          error={errors.liaisonIds}
        />
        <div className="flex flex-wrap gap-2">
          <Button disabled={busy}>{t("pacts.new.submit")}</Button>
          <Link to="/pacts" className={buttonLinkClass("secondary")}>
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
