/**
 * Regions of both sides as checkboxes, one group per county (the viewer's own first), townships,
 * villages and micro-grids indented under each other. The server checks every choice.
 */
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";

/** Indentation per level of the tree (1.25 rem a level), as classes: the page policy allows no style attribute. */
const INDENT = ["pl-0", "pl-5", "pl-10", "pl-15", "pl-20"] as const;
const indentOf = (depth: number) => INDENT[Math.max(0, Math.min(depth, INDENT.length - 1))];

export function RegionChecks({ places, checked, error }: { places: CountyPlaces[]; checked: readonly string[]; error?: string }) {
  const t = useT();
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{t("patrols.field.regions")}</legend>
      <p className="text-xs text-slate-500">{t("patrols.field.regions.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {places.map((county) =>
          county.regions.length === 0 ? null : (
            <div key={county.countyId} className="rounded-md border border-slate-200 p-2">
              <p className="mb-1 text-sm font-medium text-slate-800">
                {county.isOwn ? t("patrols.field.region.own", { county: county.countyName }) : county.countyName}
              </p>
              {county.regions.map((r) => (
                <label key={r.id} className={`flex min-h-9 items-center gap-2 text-sm ${indentOf(r.depth)}`}>
                  <input type="checkbox" name="regionIds" value={r.id} defaultChecked={checked.includes(String(r.id))} className="h-5 w-5" />
                  {r.name}
                </label>
              ))}
            </div>
          ),
        )}
      </div>
      {error ? <p className="text-sm text-red-700" role="alert">{error}</p> : null}
    </fieldset>
  );
}
