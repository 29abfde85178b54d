/**
 * /meetings/new — schedule a joint meeting. With several pacts covering meetings the viewer first
 * picks one (?pact=ID, plain links); the form then offers that pact's counties and people and the
 * host the rotation proposes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { ScheduleForm } from "~/components/meetings/schedule-form";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { formValues, translateIssue } from "~/modules/forms/validation";
import { meetingPeopleOf, proposedHostOf } from "~/modules/meetings/people.server";
import { scheduleMeeting } from "~/modules/meetings/schedule.server";
import { parseScheduleForm } from "~/modules/meetings/schemas";
import { pactChoicesFor } from "~/modules/records/create.server";
import { readFormData } from "~/modules/forms/read-form.server";

function choicesFor(viewer: Viewer, url: URL) {
  const pacts = pactChoicesFor(viewer, "meeting");
  const wanted = Number(url.searchParams.get("pact"));
  const pact = pacts.find((p) => p.id === wanted) ?? (pacts.length === 1 ? pacts[0] : null);
  if (!pact) return { pacts, form: null };
  return {
    pacts,
    form: {
      pact: { id: pact.id, title: pact.title },
      counties: meetingPeopleOf(getDb(), viewer, pact.id),
      proposedHostId: proposedHostOf(viewer, pact.id),
      viewerId: viewer.userId,
    },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "meeting", "create");
  return choicesFor(viewer, new URL(request.url));
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "meeting", "create");
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseScheduleForm(formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = scheduleMeeting(viewer, parsed.data);
  if (!result.ok) {
    if (result.reason !== "invalid") throw new Response("Conflict", { status: 409 });
    const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]));
    return data({ errors, values: formValues(formData, ["attendeeIds"]) }, { status: 400 });
  }
  throw redirect(`/meetings/${result.id}?notice=scheduled`);
}

export default function NewMeetingPage() {
  const t = useT();
  const { pacts, form } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <Link to="/meetings" className="text-sm text-brand-700 hover:underline">← {t("meetings.detail.back")}</Link>
      <PageHeader title={t("meetings.new.title")}>{t("meetings.new.intro")}</PageHeader>
      {pacts.length === 0 ? (
        <Alert tone="warning">{t("meetings.new.noPact")}</Alert>
      ) : form ? (
        <div className="space-y-3">
          {pacts.length > 1 ? <Link to="/meetings/new" className="text-sm text-brand-700 hover:underline">{t("meetings.new.change")}</Link> : null}
          <ScheduleForm choices={form} values={answer?.values ?? {}} errors={answer?.errors ?? {}} />
        </div>
      ) : (
        <Card title={t("meetings.new.choosePact")}>
          <ul className="space-y-2" data-testid="pact-choices">
            {pacts.map((p) => (
              <li key={p.id}>
                <Link to={`/meetings/new?pact=${p.id}`} className="block rounded-md border border-slate-200 p-3 hover:border-brand-600">
                  <span className="font-medium text-slate-900">{p.title}</span>
                  <span className="block text-sm text-slate-600">{t("meetings.new.pactWith", { partners: p.partners.map((c) => c.name).join("、") })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
