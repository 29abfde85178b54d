/**
 * /disputes/:id/agreement — the mediation agreement (调解协议书): the A4 document (printable, with or
 * without JavaScript), the form that writes it for those who may, and judicial confirmation
 * (司法确认). Not nested in the dispute page's layout (`_`): on paper it stands alone.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { AgreementDocument, AgreementPrintButton } from "~/components/disputes/agreement-document";
import { AgreementForm } from "~/components/disputes/agreement-form";
import { JudicialPanel } from "~/components/disputes/agreement-judicial";
import { ErrorPage } from "~/components/layout/error-page";
import { Card, EmptyState, PageHeader } from "~/components/ui/feedback";
import { translateIssue, formValues } from "~/modules/forms/validation";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { agreementDocument, requireDisputeRecord, saveAgreement, type AgreementRefusal } from "~/modules/disputes/agreement.server";
import { parseAgreementForm, parseJudicialAnswerForm, parseJudicialApplyForm } from "~/modules/disputes/agreement-schemas";
import { applyForJudicialConfirmation, recordCourtAnswer } from "~/modules/disputes/judicial.server";
import type { Translate } from "~/i18n";
import { readFormData } from "~/modules/forms/read-form.server";
import printStyles from "~/styles/print-agreement.css";

/** A4 print rules of this page only (a stylesheet: the page policy allows no inline style). */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `调解协议书 ${d.record.refNo}` : "调解协议书" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireDisputeRecord(viewer, params.disputeId);
  return agreementDocument(viewer, record);
}

function refused(refusal: AgreementRefusal, t: Translate, intent: string, values: Record<string, string | string[]>) {
  if (refusal.reason !== "invalid") {
    if (refusal.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
    return data({ intent, errors: { _form: t("records.error.conflict") }, values }, { status: 409 });
  }
  const errors = Object.fromEntries(Object.entries(refusal.errors).map(([k, v]) => [k, translateIssue(v, t)]));
  return data({ intent, errors, values }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireDisputeRecord(viewer, params.disputeId);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const here = `/disputes/${record.id}/agreement`;
  if (intent === "agreement") {
    const parsed = parseAgreementForm(formData, t);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = saveAgreement(viewer, record, parsed.data);
    if (!result.ok) return refused(result, t, intent, formValues(formData));
    throw redirect(`${here}?notice=saved`);
  }
  if (intent === "judicial_apply" || intent === "judicial_answer") {
    const parsed = intent === "judicial_apply" ? parseJudicialApplyForm(formData, t) : parseJudicialAnswerForm(formData, t);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result =
      intent === "judicial_apply"
        ? applyForJudicialConfirmation(viewer, record, parsed.data as Parameters<typeof applyForJudicialConfirmation>[2])
        : recordCourtAnswer(viewer, record, parsed.data as Parameters<typeof recordCourtAnswer>[2]);
    if (!result.ok) return refused(result, t, intent, formValues(formData));
    throw redirect(`${here}?notice=${intent === "judicial_apply" ? "applied" : "answered"}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

const NOTICES = {
  saved: "disputes.agreement.notice.saved",
  applied: "disputes.judicial.notice.applied",
  answered: "disputes.judicial.notice.answered",
} as const;

export default function AgreementPage() {
  const t = useT();
  const doc = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const agreementAnswer = answer?.intent === "agreement" ? answer : undefined;
  const { agreement } = doc;
  return (
    <div className="mx-auto max-w-4xl space-y-4 print:max-w-none print:space-y-0">
      <div className="space-y-4 print:hidden">
        <Link to={`/disputes/${doc.record.id}`} className="text-sm text-brand-700 hover:underline">
          ← {t("disputes.agreement.back")}
        </Link>
        <PageHeader title={t("disputes.agreement.pageTitle", { refNo: doc.record.refNo })} actions={agreement ? <AgreementPrintButton /> : undefined}>
          <span className="break-words">{doc.record.title}</span>
          {agreement ? <span className="block text-xs text-slate-500">{t("disputes.agreement.printHint")}</span> : null}
        </PageHeader>
        <NoticeAlert notices={NOTICES} />
        {agreement && doc.judicial ? (
          <Card title={t("disputes.judicial.title")}>
            <JudicialPanel agreement={agreement} window={doc.judicial} mayTrack={doc.mayTrackJudicial} today={doc.today} answer={answer?.intent === "agreement" ? undefined : answer} />
          </Card>
        ) : null}
      </div>

      {agreement ? (
        <AgreementDocument doc={{ ...doc, agreement }} />
      ) : (
        <div className="print:hidden">
          <EmptyState>{t("disputes.agreement.none")}</EmptyState>
        </div>
      )}

      <div className="print:hidden">
        {doc.mayWrite ? (
          <Card title={agreement ? t("disputes.agreement.form.editTitle") : t("disputes.agreement.form.title")}>
            <AgreementForm current={agreement} today={doc.today} errors={agreementAnswer?.errors} values={agreementAnswer?.values} />
          </Card>
        ) : !agreement ? (
          <p className="text-sm text-slate-500">{t("disputes.agreement.form.notAllowed")}</p>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
