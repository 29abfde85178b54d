/**
 * On a hazard, dispute or notice form opened from a patrol finding: what it comes from, and the
 * hidden fields that make the create action link the new record back to the patrol.
 */
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";

export interface FindingSourceView {
  patrolId: number;
  findingId: number;
  patrolRefNo: string;
  patrolTitle: string;
}

export function FindingSourceNote({ finding }: { finding: FindingSourceView | null }) {
  const t = useT();
  if (!finding) return null;
  return (
    <div className="mb-4" data-testid="from-finding">
      <Alert>{t("patrols.fromFinding", { refNo: finding.patrolRefNo, title: finding.patrolTitle })}</Alert>
    </div>
  );
}

/** The hidden fields, from the page's finding or from what was posted before (after an error). */
export function FindingSourceFields({ finding, values }: { finding: FindingSourceView | null; values: Record<string, string | string[]> }) {
  const patrolId = finding ? String(finding.patrolId) : typeof values.patrolId === "string" ? values.patrolId : "";
  const findingId = finding ? String(finding.findingId) : typeof values.findingId === "string" ? values.findingId : "";
  if (!patrolId && !findingId) return null;
  return (
    <>
      <input type="hidden" name="patrolId" value={patrolId} />
      <input type="hidden" name="findingId" value={findingId} />
    </>
  );
}

/** The first values of the form, taken from the finding. */
export function valuesFromFinding(
  finding: (FindingSourceView & { title: string; description: string; pactId: number | null; regionId: number | null; placeText: string }) | null,
  extra: Record<string, string> = {},
): Record<string, string> {
  if (!finding) return {};
  return {
    title: finding.title,
    description: finding.description,
    pactId: finding.pactId === null ? "" : String(finding.pactId),
    regionId: finding.regionId === null ? "" : String(finding.regionId),
    placeText: finding.placeText,
    ...extra,
  };
}
