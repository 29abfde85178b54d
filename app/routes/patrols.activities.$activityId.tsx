import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { useActivityCounts } from "~/components/patrols/activity-parts";
import { usePatrolLabels } from "~/components/patrols/patrol-badges";
import { Badge, Card, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { requireActivity } from "~/modules/patrols/activities.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const { createdBy: _c, ...activity } = requireActivity(viewer, params.activityId);
  return { activity };
}

export default function ActivityPage() {
  const t = useT();
  const { activity } = useLoaderData<typeof loader>();
  const { activityKindLabel } = usePatrolLabels();
  const counts = useActivityCounts();
  const rows: [string, string][] = [
    [t("patrols.activity.field.pact"), activity.pactTitle],
    [t("patrols.activity.field.organiser"), activity.organiserName],
    [t("patrols.activity.field.heldOn"), t.date(activity.heldOn)],
    [t("patrols.activity.field.placeText"), [activity.regionName, activity.placeText].filter(Boolean).join(" · ") || t("patrols.detail.none")],
    [t("patrols.activity.detail.counts"), counts(activity) || t("patrols.detail.none")],
    [t("patrols.activity.field.notes"), activity.notes || t("patrols.detail.none")],
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/patrols/activities" className="text-sm text-brand-700 hover:underline">← {t("patrols.activity.back")}</Link>
      <PageHeader title={<span className="break-words">{activity.title}</span>} actions={<Badge tone="blue">{activityKindLabel(activity.kind)}</Badge>}>
        {t("patrols.activity.detail.recordedBy", { name: activity.createdByName, county: activity.organiserName, time: t.dateTime(activity.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={{ created: "patrols.activity.notice.created" }} />
      <Card>
        <dl className="divide-y divide-slate-100" data-testid="activity-facts">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-[7rem_1fr] gap-2 py-1.5 text-sm">
              <dt className="text-slate-500">{label}</dt>
              <dd className="min-w-0 whitespace-pre-line break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
