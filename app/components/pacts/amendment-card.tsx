/**
 * The pact page's card of amendments: the change of terms waiting for countersignatures (what it
 * changes, who proposed it and why, each member's signature) with the steps the viewer may take,
 * or the form to propose one. Each step is a plain POST form (intents amend_*).
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Badge, Card } from "~/components/ui/feedback";
import { TextArea } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { AmendmentAction } from "~/modules/pacts/amendment-steps";
import type { AmendmentPanel, OpenAmendmentView } from "~/modules/pacts/amendment-view.server";
import { REASON_MAX } from "~/modules/pacts/schemas";
import { AmendmentProposalForm, type AmendmentFeedback } from "./amendment-form";
import { useJoin } from "./pact-bits";

const URGENCIES = ["normal", "urgent", "critical"] as const;

function ChangeList({ changes }: { changes: OpenAmendmentView["changes"] }) {
  const t = useT();
  const join = useJoin();
  const date = (d: string | null) => (d ? t.date(d) : t("pacts.amend.openEnded"));
  const items: string[] = [];
  if (changes.workflows?.added.length) items.push(t("pacts.amend.workflowsAdded", { list: join(changes.workflows.added.map((w) => t(`workflow.${w}`))) }));
  if (changes.workflows?.removed.length) items.push(t("pacts.amend.workflowsRemoved", { list: join(changes.workflows.removed.map((w) => t(`workflow.${w}`))) }));
  if (changes.endsOn) items.push(t("pacts.amend.endsOn", { from: date(changes.endsOn.from), to: date(changes.endsOn.to) }));
  const deadlines = changes.noticeDeadlines;
  if (deadlines) {
    for (const u of URGENCIES) {
      if (deadlines.from[u] === deadlines.to[u]) continue;
      items.push(t("pacts.amend.deadline", { urgency: t(`notices.urgency.${u}`), from: deadlines.from[u], to: deadlines.to[u] }));
    }
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="amendment-changes">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function signatureText(t: ReturnType<typeof useT>, s: OpenAmendmentView["signatures"][number]) {
  if (s.signature === "signed" && s.signedAt) return t("pacts.amend.signedBy", { name: s.signedByName ?? "", time: t.dateTime(s.signedAt) });
  return s.signature === "pending" ? t("pacts.amend.pending") : t("pacts.signature.declined");
}

function StepForm({ action, amendmentId, feedback }: { action: Exclude<AmendmentAction, "propose">; amendmentId: number; feedback?: AmendmentFeedback }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const intent = `amend_${action}`;
  const mine = feedback?.intent === intent ? feedback : undefined;
  const form = (
    <Form method="post" className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={`amendment-${action}`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="amendmentId" value={amendmentId} />
      <p className="text-sm text-slate-600">{t(`pacts.amend.action.${action}.hint`)}</p>
      {action !== "countersign" ? (
        <TextArea
          id={`amend-${action}-reason`}
          name="reason"
          rows={3}
          maxLength={REASON_MAX}
          required={action === "decline"}
          label={t(action === "decline" ? "pacts.amend.field.declineReason" : "pacts.amend.field.withdrawReason")}
          defaultValue={typeof mine?.values?.reason === "string" ? mine.values.reason : ""}
          error={mine?.errors?.reason}
        />
      ) : null}
      <Button variant={action === "countersign" ? "primary" : "danger"} disabled={busy}>
        {t(`pacts.amend.action.${action}`)}
      </Button>
    </Form>
  );
  if (action === "countersign") return form;
  return (
    <details open={!!mine}>
      <summary className="cursor-pointer rounded-md px-1 py-2 text-sm font-medium text-slate-700 hover:text-brand-700">
        {t(`pacts.amend.action.${action}`)}…
      </summary>
      {form}
    </details>
  );
}

export function AmendmentCard({ panel, feedback }: { panel: AmendmentPanel; feedback?: AmendmentFeedback }) {
  const t = useT();
  const { open, choices } = panel;
  const formError = feedback?.intent?.startsWith("amend_") ? feedback.formError : undefined;
  return (
    <Card title={t("pacts.amend.title")}>
      <div className="space-y-3" data-testid="amendments">
        <p className="text-sm text-slate-600">{t("pacts.amend.intro")}</p>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {open ? (
          <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="amendment-open">
            <p className="text-sm text-slate-700">
              {t("pacts.amend.proposedBy", { county: open.proposerCountyName, name: open.proposedByName, time: t.dateTime(open.proposedAt) })}
            </p>
            <p className="text-sm font-medium text-slate-700">{t("pacts.amend.changes")}</p>
            <ChangeList changes={open.changes} />
            {open.note ? <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{t("pacts.amend.note", { note: open.note })}</p> : null}
            <p className="text-sm font-medium text-slate-700">{t("pacts.amend.signatures")}</p>
            <ul className="space-y-1 text-sm">
              {open.signatures.map((s) => (
                <li key={s.countyName} className="flex flex-wrap items-center gap-2">
                  <span className="text-slate-800">{s.countyName}</span>
                  <Badge tone={s.signature === "signed" ? "green" : s.signature === "pending" ? "amber" : "red"}>{t(`pacts.signature.${s.signature}`)}</Badge>
                  <span className="text-xs text-slate-500">{signatureText(t, s)}</span>
                </li>
              ))}
            </ul>
            {choices.filter((c): c is Exclude<AmendmentAction, "propose"> => c !== "propose").map((action) => (
              <StepForm key={action} action={action} amendmentId={open.id} feedback={feedback} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("pacts.amend.none")}</p>
        )}
        {panel.current && choices.includes("propose") ? (
          <AmendmentProposalForm current={panel.current} limits={panel.limits} feedback={feedback} />
        ) : null}
      </div>
    </Card>
  );
}
