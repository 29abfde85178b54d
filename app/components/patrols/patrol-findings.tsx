/**
 * The findings of a patrol: each with the record it opened (named only if the viewer may see it)
 * or, for viewers whose roles may open one, links to the hazard, dispute and notice forms
 * prefilled from the finding; then the form to log a finding while the patrol is under way or after.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { recordStatusLabel, workflowLabel } from "~/components/records/labels";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { FieldShell, TextArea, TextField } from "~/components/ui/field";
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";
import type { PatrolDetail } from "~/modules/patrols/detail.server";
import { FINDING_MAX, FINDING_TARGET_PATHS } from "~/modules/patrols/vocabulary";
import type { StepAnswer } from "./patrol-steps";

const INDENT = "\u3000";

function FindingRegion({ places, value, error }: { places: CountyPlaces[]; value: string; error?: string }) {
  const t = useT();
  return (
    <FieldShell id="f-finding-regionId" label={t("patrols.field.findingRegion")} error={error}>
      <select id="f-finding-regionId" name="regionId" defaultValue={value} aria-invalid={error ? true : undefined}
        className="block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600">
        <option value="">{t("patrols.field.findingRegion.none")}</option>
        {places.map((county) =>
          county.regions.length === 0 ? null : (
            <optgroup key={county.countyId} label={county.countyName}>
              {county.regions.map((r) => <option key={r.id} value={String(r.id)}>{INDENT.repeat(r.depth)}{r.name}</option>)}
            </optgroup>
          ),
        )}
      </select>
    </FieldShell>
  );
}

export function PatrolFindings({ patrol, places, nowLocal, answer }: {
  patrol: PatrolDetail;
  places: CountyPlaces[];
  nowLocal: string;
  answer?: StepAnswer;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const val = (name: string, fallback = "") => (typeof answer?.values[name] === "string" ? (answer.values[name] as string) : fallback);
  return (
    <div className="space-y-4">
      {patrol.findings.length === 0 ? (
        <p className="text-sm text-slate-500">{t("patrols.detail.findingsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="patrol-findings">
          {patrol.findings.map((f) => (
            <li key={f.id} className="space-y-1 py-2" data-testid="patrol-finding">
              <p className="text-xs text-slate-500">
                {t.dateTime(f.foundAt)}
                {f.regionName ? ` · ${f.regionName}` : ""} · {f.createdByName}
              </p>
              <p className="whitespace-pre-line break-words text-sm text-slate-900">{f.description}</p>
              {f.opened && "id" in f.opened ? (
                <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="finding-opened">
                  <Badge tone="green">{t("patrols.detail.openedAs")}</Badge>
                  <Link to={f.opened.path} className="text-brand-700 hover:underline">
                    <span className="font-mono">{f.opened.refNo}</span> {f.opened.title}
                  </Link>
                  <Badge tone="blue">{workflowLabel(t, f.opened.workflow)}</Badge>
                  <Badge>{recordStatusLabel(t, f.opened.workflow, f.opened.status)}</Badge>
                </p>
              ) : f.opened ? (
                <p className="text-sm text-slate-500">{t("patrols.detail.openedHidden")}</p>
              ) : patrol.openTargets.length > 0 ? (
                <div className="flex flex-wrap gap-2">
                  {patrol.openTargets.map((w) => (
                    <Link key={w} to={`${FINDING_TARGET_PATHS[w]}?patrol=${patrol.id}&finding=${f.id}`} className={buttonLinkClass("secondary")}
                      data-testid={`open-${w}`}>
                      {t(`patrols.detail.open.${w}` as MessageKey)}
                    </Link>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {patrol.mayLogFinding ? (
        <Form method="post" noValidate className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="finding-form">
          <input type="hidden" name="intent" value="finding" />
          <TextField name="foundAt" id="f-finding-foundAt" type="datetime-local" label={t("patrols.field.foundAt")}
            defaultValue={val("foundAt", nowLocal)} error={answer?.errors.foundAt} />
          <TextArea name="description" id="f-finding-description" label={t("patrols.field.finding")} placeholder={t("patrols.field.finding.placeholder")}
            rows={3} maxLength={FINDING_MAX} defaultValue={val("description")} error={answer?.errors.description} />
          <FindingRegion places={places} value={val("regionId")} error={answer?.errors.regionId} />
          <Button disabled={busy} className="min-h-12">{t("patrols.detail.logFinding")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
