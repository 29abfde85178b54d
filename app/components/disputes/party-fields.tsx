/**
 * The parties of a new dispute: repeated fields party-0-name, party-0-countyId, … (at most eight).
 * Without JavaScript the form shows enough rows for what was posted plus one, and at least three;
 * rows left empty are ignored by the server.
 */
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { MAX_PARTIES, NAME_MAX, VILLAGE_MAX } from "~/modules/disputes/vocabulary";

export interface PartyFieldsProps {
  counties: { id: number; name: string }[];
  ownCountyId: number;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

/** How many party rows to draw: every row that holds something, one more, never fewer than three. */
export function partyRowCount(values: Record<string, string | string[]>): number {
  let last = -1;
  for (let i = 0; i < MAX_PARTIES; i++) {
    if (["name", "village", "phone", "idNumber"].some((f) => String(values[`party-${i}-${f}`] ?? "").trim())) last = i;
  }
  return Math.min(MAX_PARTIES, Math.max(3, last + 2));
}

export function PartyFields({ counties, ownCountyId, values, errors }: PartyFieldsProps) {
  const t = useT();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const rows = Array.from({ length: partyRowCount(values) }, (_, i) => i);
  return (
    <fieldset className="space-y-3" aria-invalid={errors.parties ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{t("disputes.field.parties")}</legend>
      <p className="text-xs text-slate-500">{t("disputes.field.parties.hint")}</p>
      {errors.parties ? <p className="text-sm text-red-700" role="alert">{errors.parties}</p> : null}
      {rows.map((i) => {
        const f = (name: string) => `party-${i}-${name}`;
        return (
          <div key={i} className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2" data-testid="party-row">
            <p className="text-sm font-medium text-slate-800 sm:col-span-2">{t("disputes.field.party", { n: i + 1 })}</p>
            <TextField name={f("name")} label={t("disputes.field.party.name")} maxLength={NAME_MAX} defaultValue={text(f("name"))} error={errors[f("name")]} />
            <SelectField name={f("countyId")} label={t("disputes.field.party.county")} defaultValue={text(f("countyId")) || String(ownCountyId)}
              error={errors[f("countyId")]} options={counties.map((c) => ({ value: String(c.id), label: c.name }))} />
            <TextField name={f("village")} label={t("disputes.field.party.village")} maxLength={VILLAGE_MAX} defaultValue={text(f("village"))} error={errors[f("village")]} />
            <TextField name={f("phone")} type="tel" inputMode="numeric" autoComplete="off" label={t("disputes.field.party.phone")} maxLength={15}
              defaultValue={text(f("phone"))} error={errors[f("phone")]} />
            <TextField name={f("idNumber")} autoComplete="off" label={t("disputes.field.party.idNumber")} maxLength={18}
              defaultValue={text(f("idNumber"))} error={errors[f("idNumber")]} />
          </div>
        );
      })}
    </fieldset>
  );
}
