import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { HazardStatusBadge } from "~/components/hazards/hazard-badges";
import { SweepBadges, SweepPeople } from "~/components/hazards/sweep-bits";
import { SweepActions } from "~/components/hazards/sweep-actions";
import { ErrorPage } from "~/components/layout/error-page";
import { buttonLinkClass } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, formErrors } from "~/modules/hazards/answers.server";
import { cancelSweepSchema, completeSweepSchema, sweepParticipantSchema } from "~/modules/hazards/sweep-schemas";
import { addSweepParticipant, cancelSweep, completeSweep, removeSweepParticipant } from "~/modules/hazards/sweeps.server";
import { getSweepDetail, requireSweep } from "~/modules/hazards/sweeps-read.server";
import { enabledPeopleOf } from "~/modules/pacts/people.server";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const sweep = getSweepDetail(viewer, requireSweep(viewer, params.sweepId));
  const mayEdit = can(viewer.roles, "hazard", "transition") && sweep.status === "planned" && sweep.pactInForce;
  const taking = new Set(sweep.participants.map((p) => p.userId));
  return {
    sweep,
    mayEdit,
    ownCountyId: viewer.countyId,
    addable: mayEdit ? enabledPeopleOf(viewer.countyId).filter((p) => !taking.has(p.id)) : [],
    mayReport: can(viewer.roles, "hazard", "create") && sweep.status !== "cancelled" && sweep.pactInForce,
  };
}

const INTENTS = ["add", "remove", "complete", "cancel"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const sweep = requireSweep(viewer, params.sweepId);
  assertCan(viewer, "hazard", "transition");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (!INTENTS.includes(intent as (typeof INTENTS)[number])) throw new Response("Bad Request", { status: 400 });
  const values = formValues(formData);
  const here = `/hazards/sweeps/${sweep.id}`;
  const refusal = (result: Parameters<typeof answerRefusal>[0]) =>
    answerRefusal(result, t, values, String(intent), "hazards.sweep.error.conflict");
  if (intent === "add" || intent === "remove") {
    const parsed = parseForm(sweepParticipantSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = (intent === "add" ? addSweepParticipant : removeSweepParticipant)(viewer, sweep.id, parsed.data.userId);
    if (!result.ok) return refusal(result);
    throw redirect(`${here}?notice=${intent === "add" ? "added" : "removed"}`);
  }
  if (intent === "complete") {
    const parsed = parseForm(completeSweepSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = completeSweep(viewer, sweep.id, parsed.data.outcome);
    if (!result.ok) return refusal(result);
    throw redirect(`${here}?notice=completed`);
  }
  const parsed = parseForm(cancelSweepSchema, formData, t);
  if (!parsed.ok) return formErrors({ intent: String(intent), errors: parsed.errors, values: parsed.values });
  const result = cancelSweep(viewer, sweep.id, parsed.data.reason);
  if (!result.ok) return refusal(result);
  throw redirect(`${here}?notice=cancelled`);
}

const NOTICES = {
  planned: "hazards.sweep.notice.planned",
  added: "hazards.sweep.notice.added",
  removed: "hazards.sweep.notice.removed",
  completed: "hazards.sweep.notice.completed",
  cancelled: "hazards.sweep.notice.cancelled",
} as const;

export default function SweepPage() {
  const t = useT();
  const { sweep, mayEdit, ownCountyId, addable, mayReport } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/hazards/sweeps" className="text-sm text-brand-700 hover:underline">
        ← {t("hazards.sweeps.back")}
      </Link>
      <PageHeader title={<span className="break-words">{sweep.title}</span>} actions={<SweepBadges kind={sweep.kind} status={sweep.status} />}>
        {t("hazards.sweep.createdBy", { name: sweep.createdByName, county: sweep.organiserName, time: t.dateTime(sweep.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      {sweep.status === "planned" && !sweep.pactInForce ? <Alert tone="warning">{t("hazards.sweep.pactNotInForce")}</Alert> : null}

      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("hazards.sweep.plannedOn")}</dt>
          <dd>{t.date(sweep.plannedOn)}</dd>
          <dt className="text-slate-500">{t("hazards.sweep.pact")}</dt>
          <dd className="break-words">{sweep.pactTitle}</dd>
          <dt className="text-slate-500">{t("hazards.sweep.organiser")}</dt>
          <dd>{sweep.organiserName}</dd>
          <dt className="text-slate-500">{t("hazards.sweep.scope")}</dt>
          <dd className="whitespace-pre-wrap break-words">{sweep.scope}</dd>
          {sweep.status !== "planned" ? (
            <>
              <dt className="text-slate-500">{sweep.status === "completed" ? t("hazards.sweep.outcome") : t("hazards.sweep.cancelReason")}</dt>
              <dd className="whitespace-pre-wrap break-words" data-testid="sweep-outcome">{sweep.outcome}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card title={t("hazards.sweep.participants")}>
        <SweepPeople members={sweep.members} participants={sweep.participants} />
      </Card>

      <Card
        title={t("hazards.sweep.found")}
        actions={mayReport ? <Link to={`/hazards/new?sweep=${sweep.id}`} className={buttonLinkClass("secondary")}>{t("hazards.sweep.reportHere")}</Link> : undefined}
      >
        {sweep.found.length === 0 ? (
          <p className="text-sm text-slate-500">{t("hazards.sweep.foundEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="sweep-found">
            {sweep.found.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <HazardStatusBadge status={h.status} />
                <Link to={`/hazards/${h.id}`} className="break-words text-brand-700 underline">{h.title}</Link>
                <span className="ml-auto font-mono text-xs text-slate-500">{h.refNo}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {mayEdit ? (
        <SweepActions ownCountyId={ownCountyId} participants={sweep.participants} addable={addable} answer={answer} />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
