/**
 * What a field plausibly holds, worked out from its name and its zod schema: choices come from the
 * schema's own enum (so the catalogue follows the app), ids from the demo world, dates and
 * numbers from their arbitraries, everything else is Chinese text carrying the marker.
 */
import fc from "fast-check";
import type { z } from "zod";
import { MARK } from "./arbitraries";
import { plausible } from "./world";

type Def = { type?: string; entries?: Record<string, string>; values?: unknown[]; innerType?: unknown; in?: unknown; out?: unknown; element?: unknown; options?: unknown[]; left?: unknown; right?: unknown };

/** Every literal or enum value reachable inside a schema (through optional, default, pipes, unions, arrays). */
export function choicesOf(schema: unknown, seen = new Set<unknown>()): string[] {
  const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  if (def.type === "enum" && def.entries) return Object.values(def.entries).map(String);
  if (def.type === "literal" && def.values) return def.values.map(String);
  return [def.innerType, def.in, def.out, def.element, def.left, def.right, ...(def.options ?? [])].flatMap((s) => (s ? choicesOf(s, seen) : []));
}

const DAY = 86_400_000;
const near = (from: number, to: number) => fc.integer({ min: from, max: to }).map((d) => new Date(Date.now() + d * DAY + 8 * 3600_000).toISOString());
/** Real days and times around today (some forms want the past, some the future). */
const validDate = near(-400, 400).map((iso) => iso.slice(0, 10));
const validDateTime = near(-30, 30).map((iso) => iso.slice(0, 16));
const smallNumber = fc.integer({ min: 0, max: 500 }).map(String);

const text = fc.constantFrom("测试", "边界联合巡查", "新晃侗族自治县波洲镇", `${MARK}<b>粗体</b>`, "说明：已处理。");

/** Plausible values for a field called `name` (with its schema, when there is one). */
export function plausibleFor(name: string, schema?: unknown): fc.Arbitrary<string> {
  const choices = schema ? choicesOf(schema) : [];
  if (choices.length > 0) return fc.constantFrom(...choices);
  const n = name.replace(/^[a-z]+-\d+-/, "");
  if (/^(userId|owner|.*(User|Member|Mediator|Liaison|Attendee|Participant)Ids?|(liaison|member|participant|attendee|mediator)Ids)$/i.test(n)) return plausible.user();
  if (/county/i.test(n)) return plausible.county();
  if (/^pactId/.test(n)) return plausible.pact();
  if (/^(regionId|regionIds|parentId)$/.test(n)) return plausible.region();
  if (/^(committeeId|teamId)$/.test(n)) return plausible.body();
  if (/^planned(Start|End)$/.test(n)) return fc.constantFrom("08:00", "17:30", "23:59", "24:00", "7:5");
  if (/^sweepId$/.test(n)) return plausible.sweep();
  if (/^milestoneId$/.test(n)) return plausible.milestone();
  if (/^findingId$/.test(n)) return plausible.finding();
  if (/^(recordId|patrolId)$/.test(n)) return plausible.record();
  if (/^refNo$|-ref$|^ref$/.test(n)) return plausible.refNo();
  if (/At$/.test(n)) return validDateTime;
  if (/(On|deadline|Date|dueOn)$/.test(n)) return validDate;
  if (/^(normal|urgent|critical|budget|amount\w*|people\w*|\w*Checked|\w*Caught|\w*Recovered|attendance|consultations|legalAidCases|requests\w*|contribution-\d+)$/.test(name)) return smallNumber;
  if (/^(isBorder|internal|policeOnly)$/.test(n)) return fc.constantFrom("1", "on", "0", "");
  if (/password|confirm|current/.test(n)) return fc.constantFrom("demo-2026", "new-password-2026", "short");
  if (/^redirectTo$/.test(n)) return fc.constantFrom("/", "/hazards?status=reported", "/界", "/\t/evil.example", "/\\evil.example", "//evil.example", "/\n/x", "https://evil.example/");
  if (/^locale$/.test(n)) return fc.constantFrom("zh-CN", "en", "fr");
  if (/^username$/.test(n)) return fc.constantFrom("xh.pl", "xh.newcomer", "tz.admin", "XH.PL ");
  if (/^phone$/.test(n)) return fc.constantFrom("13800000000", "0745-1234567", "+86 138");
  if (/^idNumber$/.test(n)) return fc.constantFrom("431229199001011234", "43122919900101123X", "123");
  if (/^status$/.test(n)) return fc.constantFrom("reported", "verifying", "planned", "sent", "scheduled", "proposed", "mediating");
  return text;
}

/** Field names with their schemas, from a zod object (or a refined one). */
export function shapeOf(schema: z.ZodType): [string, unknown][] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? (schema as unknown as { _zod: { def: { in?: { shape?: Record<string, unknown> } } } })._zod.def.in?.shape;
  if (!shape) throw new Error("not an object schema");
  return Object.entries(shape);
}
