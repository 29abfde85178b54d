import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { DeadlineCard } from "~/components/notices/deadline-card";
import { AmendmentCard } from "~/components/pacts/amendment-card";
import { JointBodyList } from "~/components/pacts/joint-bodies";
import { PactActions } from "~/components/pacts/pact-actions";
import { NoticeAlert, PactFacts, PhaseBadge, type PactNotice } from "~/components/pacts/pact-bits";
import { PactHistory, SuspensionNote } from "~/components/pacts/pact-history";
import { PactMembersPanel } from "~/components/pacts/pact-members";
import { buttonLinkClass } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { mayManagePacts } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm } from "~/modules/forms/validation";
import { noticeDeadlinesFor } from "~/modules/notices/deadlines.server";
import { answerAmendmentForm, isAmendmentIntent } from "~/modules/pacts/amendment-answers.server";
import { amendmentPanelFor } from "~/modules/pacts/amendment-view.server";
import { answerRefusal, formErrors, notFound } from "~/modules/pacts/answers.server";
import { listBodies } from "~/modules/pacts/bodies.server";
import {
  countersignPact, declinePact, requestResumption, resumePact, suspendPact, terminatePact, type StepResult,
} from "~/modules/pacts/lifecycle.server";
import { getPactFor, parsePactId, requireMemberPact, standingOf } from "~/modules/pacts/pacts.server";
import { enabledPeopleOf } from "~/modules/pacts/people.server";
import { COUNTERSIGN_LISTS, countersignSchema, declineSchema, reasonSchema, resumeRequestSchema } from "~/modules/pacts/schemas";
import { checkTransition, isInEffect, isPactAction, transitionsFor } from "~/modules/pacts/transitions";
import { recordDenial } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const pactId = parsePactId(params.pactId);
  const pact = pactId === null ? null : getPactFor(viewer, pactId);
  if (!pact) return notFound();
  const choices = transitionsFor(pact.standing, viewer).map(({ action, label, requires }) => ({ action, label, requires }));
  return {
    pact,
    choices,
    people: choices.some((c) => c.requires.includes("liaisons")) ? enabledPeopleOf(viewer.countyId) : [],
    bodies: listBodies(viewer, pact.id) ?? [],
    mayFormBodies: mayManagePacts(viewer.roles) && isInEffect(pact.phase),
    noticeDeadlines: noticeDeadlinesFor(viewer, pact.id),
    amendments: amendmentPanelFor(viewer, pact.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const pact = requireMemberPact(viewer, params.pactId);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  // Changes of the pact's terms (workflows, end date, sign-for deadlines) go through an amendment.
  if (isAmendmentIntent(intent)) return answerAmendmentForm(viewer, pact.id, intent, formData, t);
  if (!isPactAction(intent)) throw new Response("Bad Request", { status: 400 });

  // The state machine decides first: a step not for this county or role is refused and audited.
  const check = checkTransition(standingOf(pact), viewer, intent);
  if (!check.ok && check.reason === "forbidden") {
    recordDenial(viewer, "pact", pact.id);
    throw new Response("Forbidden", { status: 403 });
  }
  if (!check.ok) return answerRefusal(check, t, formValues(formData), intent);

  let result: StepResult;
  if (intent === "countersign") {
    const parsed = parseForm(countersignSchema, formData, t, COUNTERSIGN_LISTS);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    result = countersignPact(viewer, pact.id, parsed.data);
  } else if (intent === "decline") {
    const parsed = parseForm(declineSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    result = declinePact(viewer, pact.id, parsed.data);
  } else if (intent === "resume") {
    result = resumePact(viewer, pact.id);
  } else if (intent === "request_resume") {
    const parsed = parseForm(resumeRequestSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    result = requestResumption(viewer, pact.id, parsed.data);
  } else {
    const parsed = parseForm(reasonSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    result = intent === "suspend" ? suspendPact(viewer, pact.id, parsed.data) : terminatePact(viewer, pact.id, parsed.data);
  }
  if (!result.ok) return answerRefusal(result, t, formValues(formData, COUNTERSIGN_LISTS), intent);

  const notice: PactNotice =
    intent === "countersign"
      ? result.status === "active" ? "activated" : "countersigned"
      : intent === "terminate"
        ? pact.status === "proposed" ? "withdrawn" : "terminated"
        : ({ decline: "declined", suspend: "suspended", resume: "resumed", request_resume: "resumeRequested" } as const)[intent];
  throw redirect(`/pacts/${pact.id}?notice=${notice}`);
}

export default function PactPage() {
  const t = useT();
  const { pact, choices, people, bodies, mayFormBodies, noticeDeadlines, amendments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/pacts" className="text-sm text-brand-700 hover:underline">
        ← {t("pacts.detail.back")}
      </Link>
      <PageHeader title={<span className="break-words">{pact.title}</span>} actions={<PhaseBadge phase={pact.phase} />}>
        {t("pacts.detail.proposedBy", {
          county: pact.members.find((m) => m.isProposer)?.countyName ?? "",
          name: pact.proposedByName,
          time: t.dateTime(pact.createdAt),
        })}
      </PageHeader>
      <NoticeAlert />
      {pact.phase === "expired" && pact.endsOn ? <Alert tone="warning">{t("pacts.detail.expiredNote", { date: t.date(pact.endsOn) })}</Alert> : null}
      {pact.phase === "upcoming" ? <Alert>{t("pacts.detail.upcomingNote", { date: t.date(pact.startsOn) })}</Alert> : null}
      {pact.phase === "suspended" ? <SuspensionNote history={pact.history} /> : null}

      <Card>
        <PactFacts
          partners={pact.members.map((m) => m.countyName)}
          startsOn={pact.startsOn}
          endsOn={pact.endsOn}
          workflows={pact.workflows}
        />
      </Card>

      {choices.length > 0 ? (
        <Card title={t("pacts.detail.actions")}>
          {answer?.formError && !answer.intent?.startsWith("amend_") ? (
            <div className="mb-3">
              <Alert tone="error">{answer.formError}</Alert>
            </div>
          ) : null}
          <PactActions choices={choices} people={people} feedback={answer} />
        </Card>
      ) : null}

      <Card title={t("pacts.detail.members")}>
        <PactMembersPanel members={pact.members} liaisons={pact.liaisons} />
      </Card>

      <Card title={t("pacts.detail.articles")}>
        <div className="max-h-[32rem] overflow-y-auto whitespace-pre-wrap break-words text-sm leading-relaxed text-slate-800" data-testid="pact-articles">
          {pact.articles}
        </div>
      </Card>

      <Card
        title={t("pacts.detail.bodies")}
        actions={
          mayFormBodies ? (
            <Link to={`/pacts/${pact.id}/bodies/new`} className={buttonLinkClass("secondary")}>
              {t("pacts.detail.newBody")}
            </Link>
          ) : undefined
        }
      >
        <JointBodyList pactId={pact.id} bodies={bodies} />
      </Card>

      {noticeDeadlines ? <DeadlineCard deadlines={noticeDeadlines} /> : null}

      {amendments && (amendments.open || amendments.choices.length > 0) ? <AmendmentCard panel={amendments} feedback={answer} /> : null}

      <Card title={t("pacts.detail.history")}>
        <PactHistory history={pact.history} />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
