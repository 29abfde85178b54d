/**
 * /projects/new — 提出民生联建项目: political-legal staff of the lead county, under a pact in force
 * covering projects. One multipart post: the project, its milestones and the plan document (the
 * thread's first message) are written in one transaction, or nothing is.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { ProposeForm } from "~/components/projects/propose-form";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, translateIssue } from "~/modules/forms/validation";
import { checkPlanUpload } from "~/modules/projects/plan-upload.server";
import { assertMayPropose, proposeProject } from "~/modules/projects/propose.server";
import { parseProposal } from "~/modules/projects/schemas";
import { attachmentMaxMb } from "~/modules/records/attachments.server";
import { pactChoicesFor } from "~/modules/records/create.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertMayPropose(viewer);
  return {
    choices: {
      pacts: pactChoicesFor(viewer, "project"),
      county: { id: viewer.countyId, name: viewer.countyName },
      maxMb: attachmentMaxMb(),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertMayPropose(viewer);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const parsed = parseProposal(formData, t);
  const plan = await checkPlanUpload(formData, t);
  if (!parsed.ok || !plan.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors) };
    // A browser does not keep a chosen file when the form comes back.
    errors.plan = plan.ok ? t("projects.form.planAgain") : plan.error;
    return data({ errors, values: formValues(formData, ["addresseeCountyIds"]) }, { status: 400 });
  }
  const result = proposeProject(viewer, parsed.data, plan.files, t("projects.new.planMessage"));
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]));
    errors.plan = t("projects.form.planAgain");
    return data({ errors, values: formValues(formData, ["addresseeCountyIds"]) }, { status: 400 });
  }
  throw redirect(`/projects/${result.id}?notice=proposed`);
}

export default function NewProjectPage() {
  const t = useT();
  const { choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/projects" className="text-sm text-brand-700 hover:underline">← {t("projects.detail.back")}</Link>
      <PageHeader title={t("projects.new.title")}>{t("projects.new.intro")}</PageHeader>
      {choices.pacts.length === 0 ? (
        <Alert tone="warning">{t("projects.new.noPact")}</Alert>
      ) : (
        <ProposeForm choices={choices} values={answer?.values ?? {}} errors={answer?.errors ?? {}} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
