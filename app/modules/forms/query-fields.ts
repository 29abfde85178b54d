/**
 * Building blocks shared by forms and by the filters lists read from the query string. A list
 * filter ignores what it cannot read instead of failing the page.
 */
import { z } from "zod";

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Optional; anything unreadable counts as absent. */
export const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** A checkbox-like flag: "1" is on, anything else off. */
export const flag = z.string().optional().transform((v) => v === "1").catch(false);

/** An optional calendar date filter. */
export const calendarDate = lenient(z.string().trim().refine(isCalendarDate));

/** A positive id from the query string. */
export const positiveInt = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
