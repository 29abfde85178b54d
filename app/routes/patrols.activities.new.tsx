import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { ActivityForm } from "~/components/patrols/activity-form";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues } from "~/modules/forms/validation";
import { answerRefusal, formErrors } from "~/modules/hazards/answers.server";
import { activityChoicesFor, recordActivity } from "~/modules/patrols/activities.server";
import { parseActivityForm } from "~/modules/patrols/activity-schemas";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "patrol", "create");
  return activityChoicesFor(viewer);
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "patrol", "create");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseActivityForm(formData, t);
  if (!parsed.ok) return formErrors({ errors: parsed.errors, values: parsed.values });
  const result = recordActivity(viewer, parsed.data);
  if (!result.ok) return answerRefusal(result, t, formValues(formData));
  throw redirect(`/patrols/activities/${result.id}?notice=created`);
}

export default function NewActivityPage() {
  const t = useT();
  const { pacts, places } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/patrols/activities" className="text-sm text-brand-700 hover:underline">← {t("patrols.activity.back")}</Link>
      <PageHeader title={t("patrols.activity.new.title")}>{t("patrols.activity.new.intro")}</PageHeader>
      {pacts.length === 0 ? (
        <Alert tone="warning">{t("patrols.activity.new.noPact")}</Alert>
      ) : (
        <ActivityForm pacts={pacts} places={places} values={answer?.values ?? {}} errors={answer?.errors ?? {}} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
