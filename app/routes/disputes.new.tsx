import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DisputeReportForm } from "~/components/disputes/report-form";
import { ErrorPage } from "~/components/layout/error-page";
import { FindingSourceNote, valuesFromFinding } from "~/components/patrols/finding-source";
import { PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { initialDisputeStatus } from "~/modules/disputes/machine";
import { disputeReportChoices } from "~/modules/disputes/places.server";
import { reportDispute } from "~/modules/disputes/report.server";
import { parseReportForm } from "~/modules/disputes/schemas";
import { formValues, translateIssue } from "~/modules/forms/validation";
import { FINDING_LINK_REFUSED, findingFromUrl, findingSourceFromForm } from "~/modules/patrols/findings.server";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "dispute", "create");
  return {
    choices: disputeReportChoices(viewer),
    ownCountyId: viewer.countyId,
    registers: initialDisputeStatus(viewer.roles) === "registered",
    finding: findingFromUrl(viewer, request),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "dispute", "create");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseReportForm(formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const fromFinding = findingSourceFromForm(formData);
  if (fromFinding === "malformed") return data({ errors: { patrolId: t(FINDING_LINK_REFUSED) }, values: formValues(formData) }, { status: 400 });
  const result = reportDispute(viewer, parsed.data, fromFinding);
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]));
    return data({ errors, values: formValues(formData) }, { status: 400 });
  }
  const notice = initialDisputeStatus(viewer.roles) === "registered" ? "registered" : "reported";
  throw redirect(`/disputes/${result.id}?notice=${notice}`);
}

export default function NewDisputePage() {
  const t = useT();
  const { choices, ownCountyId, registers, finding } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/disputes" className="text-sm text-brand-700 hover:underline">
        ← {t("disputes.detail.back")}
      </Link>
      <PageHeader title={registers ? t("disputes.new.titleRegister") : t("disputes.new.title")}>{t("disputes.new.intro")}</PageHeader>
      <FindingSourceNote finding={finding} />
      <DisputeReportForm
        choices={choices}
        ownCountyId={ownCountyId}
        finding={finding}
        values={answer?.values ?? valuesFromFinding(finding)}
        errors={answer?.errors ?? {}}
        submitLabel={t("disputes.new.submit")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
