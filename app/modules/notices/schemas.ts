/**
 * The forms of the notice workflow: sending a notice (vehicles as repeated fields
 * vehicle-0-plate … vehicle-4-colour), one schema per step, and the list's filters.
 * Messages are i18n keys (app/i18n/zh-CN/notices.ts).
 */
import { z } from "zod";
import { flag, lenient } from "~/modules/forms/query-fields";
import type { Translate } from "~/i18n";
import { fields, parseForm, type ParseResult } from "~/modules/forms/validation";
import { NOTICE_STATUSES, type NoticeAction } from "./machine";
import {
  HANDLING_CODES, MAX_VEHICLES, NOTE_MAX, NOTICE_KINDS, NOTICE_RESULTS, NOTICE_URGENCIES, SHORT_MAX, TEXT_MAX,
} from "./vocabulary";

const requiredText = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: `form.tooLong|max=${max}` });

const requiredId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" });

/** "YYYY-MM-DDTHH:mm" (a datetime-local input) read as Beijing time, in ms; NaN when unreadable. */
export function beijingLocalToMs(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  return Date.parse(`${value}:00+08:00`);
}

const incidentAt = z
  .string({ error: "notices.form.incidentAtRequired" })
  .trim()
  .min(1, { error: "notices.form.incidentAtRequired" })
  .transform(beijingLocalToMs)
  .refine((v) => Number.isFinite(v), { error: "notices.form.badTime", abort: true })
  .refine((v) => v <= Date.now() + 5 * 60_000, { error: "notices.form.incidentInFuture" });

export interface VehicleInput {
  plate: string;
  type: string;
  colour: string;
}

export const sendSchema = z.object({
  kind: z.enum(NOTICE_KINDS, { error: "notices.form.kindRequired" }),
  urgency: z.enum(NOTICE_URGENCIES, { error: "notices.form.urgencyRequired" }),
  incidentAt,
  placeText: requiredText(SHORT_MAX * 2, "notices.form.placeRequired"),
  crimeCategory: requiredText(SHORT_MAX, "notices.form.crimeCategoryRequired"),
  summary: requiredText(TEXT_MAX, "notices.form.summaryRequired"),
  suspects: fields.optionalText(TEXT_MAX),
  property: fields.optionalText(TEXT_MAX),
  request: requiredText(TEXT_MAX, "notices.form.requestRequired"),
  pactId: requiredId("notices.form.pactRequired"),
  addresseeCountyIds: z
    .array(z.string())
    .transform((ids) => ids.map(Number))
    .refine((ids) => ids.length > 0, { error: "notices.form.addresseesRequired", abort: true })
    .refine((ids) => ids.every((v) => Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" }),
  restriction: z.enum(["police", "shared"], { error: "notices.form.restrictionRequired" }),
  handlingCode: z.enum(HANDLING_CODES, { error: "notices.form.handlingCodeRequired" }),
});
export type NoticeSendInput = Omit<z.output<typeof sendSchema>, "restriction"> & {
  policeOnly: boolean;
  vehicles: VehicleInput[];
};

/** The vehicles typed into the repeated fields; rows left blank are dropped. */
export function vehiclesOf(formData: FormData): { vehicles: VehicleInput[]; errors: Record<string, string> } {
  const vehicles: VehicleInput[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < MAX_VEHICLES; i++) {
    const get = (f: string) => {
      const v = formData.get(`vehicle-${i}-${f}`);
      return typeof v === "string" ? v.trim() : "";
    };
    const row = { plate: get("plate"), type: get("type"), colour: get("colour") };
    for (const [f, v] of Object.entries(row)) if (v.length > 30) errors[`vehicle-${i}-${f}`] = "form.tooLong|max=30";
    if (row.plate || row.type || row.colour) vehicles.push(row);
  }
  return { vehicles, errors };
}

export function parseSendForm(formData: FormData, t: Translate): ParseResult<NoticeSendInput> {
  const parsed = parseForm(sendSchema, formData, t, ["addresseeCountyIds"]);
  const { vehicles, errors: vehicleErrors } = vehiclesOf(formData);
  const translatedVehicleErrors = Object.fromEntries(
    Object.entries(vehicleErrors).map(([k, v]) => [k, t("form.tooLong", { max: v.split("=")[1] })]),
  );
  if (!parsed.ok) return { ...parsed, errors: { ...parsed.errors, ...translatedVehicleErrors } };
  if (Object.keys(vehicleErrors).length > 0) {
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of formData.entries()) if (typeof v === "string") values[k] = v;
    values.addresseeCountyIds = formData.getAll("addresseeCountyIds").filter((v): v is string => typeof v === "string");
    return { ok: false, errors: translatedVehicleErrors, values };
  }
  const { restriction, ...rest } = parsed.data;
  return { ok: true, data: { ...rest, policeOnly: restriction === "police", vehicles } };
}

const count = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : 0))
  .refine((v) => Number.isSafeInteger(v) && v >= 0 && v <= 100_000, { error: "notices.form.badCount" });
const note = requiredText(NOTE_MAX, "notices.form.noteRequired");

export const STEP_SCHEMAS = {
  sign: z.object({}),
  report_result: z.object({
    result: z.enum(NOTICE_RESULTS, { error: "notices.form.resultRequired" }),
    suspectsCaught: count,
    itemsRecovered: count,
    note,
  }),
  conclude: z.object({ note }),
  cancel: z.object({ note }),
} satisfies Record<NoticeAction, z.ZodType>;

export type NoticeStepFields<A extends NoticeAction> = z.output<(typeof STEP_SCHEMAS)[A]>;

export function parseNoticeStep<A extends NoticeAction>(action: A, formData: FormData, t: Translate): ParseResult<NoticeStepFields<A>> {
  return parseForm(STEP_SCHEMAS[action] as unknown as z.ZodType<NoticeStepFields<A>>, formData, t);
}


export const noticeFilterSchema = z.object({
  status: lenient(z.enum(NOTICE_STATUSES)),
  kind: lenient(z.enum(NOTICE_KINDS)),
  urgency: lenient(z.enum(NOTICE_URGENCIES)),
  direction: lenient(z.enum(["sent", "received"])),
  overdue: flag,
  page: lenient(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
});
export type NoticeFilters = z.output<typeof noticeFilterSchema>;

export function noticeFiltersFromUrl(url: URL): NoticeFilters {
  return noticeFilterSchema.parse(Object.fromEntries(url.searchParams));
}
