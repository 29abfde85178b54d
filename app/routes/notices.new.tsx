import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { NoticeSendForm } from "~/components/notices/send-form";
import { FindingSourceNote, valuesFromFinding } from "~/components/patrols/finding-source";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, translateIssue } from "~/modules/forms/validation";
import { FINDING_LINK_REFUSED, findingFromUrl, findingSourceFromForm } from "~/modules/patrols/findings.server";
import { parseSendForm } from "~/modules/notices/schemas";
import { assertMaySend, sendNotice } from "~/modules/notices/send.server";
import { pactChoicesFor } from "~/modules/records/create.server";
import { uploadedFiles } from "~/modules/records/attachments.server";
import { postFromThreadForm, readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertMaySend(viewer);
  return { choices: { pacts: pactChoicesFor(viewer, "notice") }, countyName: viewer.countyName, finding: findingFromUrl(viewer, request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertMaySend(viewer);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const parsed = parseSendForm(formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const fromFinding = findingSourceFromForm(formData);
  if (fromFinding === "malformed") {
    return data({ errors: { patrolId: t(FINDING_LINK_REFUSED) }, values: formValues(formData, ["addresseeCountyIds"]) }, { status: 400 });
  }
  const result = sendNotice(viewer, parsed.data, fromFinding);
  if (!result.ok) {
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]),
    );
    return data({ errors, values: formValues(formData, ["addresseeCountyIds"]) }, { status: 400 });
  }
  let notice = "sent";
  // The composer's rule: only an untouched file input (nameless and empty) counts as no file.
  const photos = uploadedFiles(formData);
  const record = photos.length > 0 ? findVisibleRecord(viewer, result.id) : null;
  if (record) {
    const message = new FormData();
    message.set("body", parsed.data.summary);
    for (const photo of photos) message.append("files", photo);
    try {
      const posted = await postFromThreadForm(viewer, record, message, t);
      if (!posted.ok) notice = "sentPhotosFailed";
    } catch (error) {
      if (!(error instanceof Response)) throw error;
      notice = "sentPhotosFailed";
    }
  }
  throw redirect(`/notices/${result.id}?notice=${notice}`);
}

export default function NewNoticePage() {
  const t = useT();
  const { choices, finding } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to="/notices" className="text-sm text-brand-700 hover:underline">← {t("notices.detail.back")}</Link>
      <PageHeader title={t("notices.new.title")}>{t("notices.new.intro")}</PageHeader>
      {choices.pacts.length === 0 ? (
        <Alert tone="warning">{t("notices.new.noPact")}</Alert>
      ) : (
        <>
          <FindingSourceNote finding={finding} />
          <NoticeSendForm choices={choices} finding={finding} errors={answer?.errors ?? {}}
            values={answer?.values ?? valuesFromFinding(finding, { summary: finding?.description ?? "" })} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
