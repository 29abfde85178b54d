import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { HazardReportForm } from "~/components/hazards/report-form";
import { FindingSourceNote, valuesFromFinding } from "~/components/patrols/finding-source";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan, findVisibleRecord } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { formValues, parseForm, translateIssue } from "~/modules/forms/validation";
import { reportChoicesFor } from "~/modules/hazards/places.server";
import { reportHazard, sweepToReportFrom } from "~/modules/hazards/report.server";
import { reportSchema } from "~/modules/hazards/schemas";
import { parseSweepId } from "~/modules/hazards/sweeps-read.server";
import { FINDING_LINK_REFUSED, findingFromUrl, findingSourceFromForm } from "~/modules/patrols/findings.server";
import { uploadedFiles } from "~/modules/records/attachments.server";
import { postFromThreadForm, readRecordPageForm } from "~/modules/records/thread-form.server";

/** The sweep named in ?sweep= (404 unless the viewer's county takes part and it is not cancelled). */
function sweepFrom(viewer: Viewer, request: Request) {
  const raw = new URL(request.url).searchParams.get("sweep");
  if (raw === null) return null;
  const id = parseSweepId(raw);
  const sweep = id === null ? null : sweepToReportFrom(getDb(), viewer, id);
  if (!sweep) throw new Response("Not Found", { status: 404 });
  return { id: sweep.id, title: sweep.title };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "hazard", "create");
  return { choices: reportChoicesFor(viewer), sweep: sweepFrom(viewer, request), finding: findingFromUrl(viewer, request) };
}

/** The photos that came with the report: non-empty file parts named `files`. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "hazard", "create");
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const parsed = parseForm(reportSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const fromFinding = findingSourceFromForm(formData);
  if (fromFinding === "malformed") return data({ errors: { patrolId: t(FINDING_LINK_REFUSED) }, values: formValues(formData) }, { status: 400 });
  const result = reportHazard(viewer, parsed.data, fromFinding);
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]));
    return data({ errors, values: formValues(formData) }, { status: 400 });
  }
  let notice = "reported";
  // The composer's rule: only an untouched file input (nameless and empty) counts as no file.
  const photos = uploadedFiles(formData);
  const record = photos.length > 0 ? findVisibleRecord(viewer, result.id) : null;
  if (record) {
    // The description with the photos becomes the thread's first message (files handled by the thread engine).
    const message = new FormData();
    message.set("body", parsed.data.description);
    for (const photo of photos) message.append("files", photo);
    try {
      const posted = await postFromThreadForm(viewer, record, message, t);
      if (!posted.ok) notice = "reportedPhotosFailed";
    } catch (error) {
      if (!(error instanceof Response)) throw error;
      notice = "reportedPhotosFailed";
    }
  }
  throw redirect(`/hazards/${result.id}?notice=${notice}`);
}

export default function NewHazardPage() {
  const t = useT();
  const { choices, sweep, finding } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl">
      <Link to={sweep ? `/hazards/sweeps/${sweep.id}` : "/hazards"} className="text-sm text-brand-700 hover:underline">
        ← {sweep ? sweep.title : t("hazards.detail.back")}
      </Link>
      <PageHeader title={t("hazards.new.title")}>{t("hazards.new.intro")}</PageHeader>
      {sweep ? (
        <div className="mb-4">
          <Alert>{t("hazards.new.fromSweep", { title: sweep.title })}</Alert>
        </div>
      ) : null}
      <FindingSourceNote finding={finding} />
      <HazardReportForm choices={choices} sweep={sweep} finding={finding}
        values={answer?.values ?? valuesFromFinding(finding, { source: "patrol" })} errors={answer?.errors ?? {}} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
