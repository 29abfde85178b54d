/**
 * The region of a hazard: one select with a group per county (the viewer's own first), listing
 * townships, villages and micro-grids indented under each other. Without JavaScript every
 * offered county is listed; the server checks the choice against the chosen pact.
 */
import { FieldShell } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";

const INDENT = "\u3000"; // an ideographic space per level

export function RegionSelect({
  places,
  defaultValue,
  error,
}: {
  places: CountyPlaces[];
  defaultValue?: string;
  error?: string;
}) {
  const t = useT();
  const id = "f-regionId";
  return (
    <FieldShell id={id} label={t("hazards.field.region")} hint={t("hazards.field.region.hint")} error={error}>
      <select
        id={id}
        name="regionId"
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600"
      >
        <option value="">{t("hazards.field.region.none")}</option>
        {places.map((county) =>
          county.regions.length === 0 ? null : (
            <optgroup
              key={county.countyId}
              label={county.isOwn ? t("hazards.field.region.own", { county: county.countyName }) : county.countyName}
            >
              {county.regions.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {INDENT.repeat(r.depth)}
                  {r.name}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </FieldShell>
  );
}
