import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { PatrolPlanForm } from "~/components/patrols/plan-form";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues } from "~/modules/forms/validation";
import { answerRefusal, formErrors } from "~/modules/hazards/answers.server";
import { planChoicesFor, planPatrol } from "~/modules/patrols/plan.server";
import { parsePlanForm, PLAN_LISTS } from "~/modules/patrols/schemas";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "patrol", "create");
  return planChoicesFor(viewer);
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "patrol", "create");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parsePlanForm(formData, t);
  if (!parsed.ok) return formErrors({ errors: parsed.errors, values: parsed.values });
  const result = planPatrol(viewer, parsed.data);
  if (!result.ok) return answerRefusal(result, t, formValues(formData, PLAN_LISTS));
  throw redirect(`/patrols/${result.id}?notice=planned`);
}

export default function NewPatrolPage() {
  const t = useT();
  const { teams, places } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/patrols" className="text-sm text-brand-700 hover:underline">← {t("patrols.detail.back")}</Link>
      <PageHeader title={t("patrols.new.title")}>{t("patrols.new.intro")}</PageHeader>
      {teams.length === 0 ? (
        <Alert tone="warning">{t("patrols.new.noTeam")}</Alert>
      ) : (
        <PatrolPlanForm teams={teams} places={places} values={answer?.values ?? {}} errors={answer?.errors ?? {}} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
