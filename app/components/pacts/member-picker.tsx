/** Checkboxes of the viewer's county's people, each with a duty (职务) field, for a new joint body. */
import { useT } from "~/i18n/use-t";
import type { PersonChoice } from "~/modules/pacts/people.server";
import { DUTY_MAX, dutyField } from "~/modules/pacts/schemas";
import { personLabel } from "./pact-bits";

export function MemberPicker({
  people,
  values,
  errors,
}: {
  people: PersonChoice[];
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
}) {
  const t = useT();
  const ticked = Array.isArray(values?.memberIds) ? values.memberIds : [];
  const error = errors?.memberIds;
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{t("pacts.body.field.members")}</legend>
      <ul className="space-y-2">
        {people.map((p) => {
          const duty = dutyField(p.id);
          const dutyValue = values?.[duty];
          return (
            <li key={p.id} className="flex flex-wrap items-center gap-2 rounded border border-slate-200 px-2 py-2">
              <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="memberIds"
                  value={p.id}
                  defaultChecked={ticked.includes(p.id)}
                  className="h-4 w-4 rounded border-slate-300"
                />
                <span className="break-words">{personLabel(t, p)}</span>
              </label>
              <input
                type="text"
                name={duty}
                maxLength={DUTY_MAX}
                defaultValue={typeof dutyValue === "string" ? dutyValue : ""}
                placeholder={t("pacts.body.field.duty.placeholder")}
                aria-label={t("pacts.body.dutyOf", { name: p.displayName })}
                className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm sm:w-40"
              />
              {errors?.[duty] ? <p className="w-full text-sm text-red-700" role="alert">{errors[duty]}</p> : null}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
