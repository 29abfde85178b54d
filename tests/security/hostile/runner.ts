/**
 * Runs one hostile request through a route's loader or action, the way Remix would, and checks
 * what every answer must satisfy: no 500 and no thrown error that is not a Response; a refusal
 * (a 4xx, or a form answered with messages) wrote nothing but the policy's denial entries; a form
 * refusal says what is wrong, in Chinese, next to a field. Counts the cases for the summary line.
 */
import { openRequestScope } from "~/modules/http/request-scope.server";
import fc from "fast-check";
import { afterAll, expect } from "vitest";
import { ORIGIN, routeArgs } from "../../integration/helpers/requests";
import { ROUTE_MODULES, type RouteKey, type RouteModule } from "../isolation-routes";
import { auditedActions, clearJournal, domainWrites, forbiddenWrites, installJournal, journal, type Write } from "./journal";

/**
 * HOSTILE_SEED fixes the seed (printed in the summary and by fast-check on failure). Continuous
 * integration runs one fixed seed, so a green run stays green and a red one names a change; a
 * developer's run draws a new seed each time and so widens the hunt.
 */
const CI_SEED = 20261201;
export const SEED = process.env.HOSTILE_SEED
  ? Number(process.env.HOSTILE_SEED)
  : process.env.CI
    ? CI_SEED
    : Math.floor(Math.random() * 2 ** 31);
/** HOSTILE_RUNS scales every property's number of runs (default 1). */
const SCALE = process.env.HOSTILE_RUNS ? Number(process.env.HOSTILE_RUNS) : 1;

export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

export function fcParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs(numRuns), endOnFailure: true };
}

const tally = new Map<string, number>();
const CHECKS = new Set(["pages rendered", "uploads stored", "stored and rendered"]);

export function count(what: string, n = 1) {
  tally.set(what, (tally.get(what) ?? 0) + n);
}

/** One summary line per test file: how many hostile cases ran, by kind, and the seed. */
export function printSummaryAfterAll(file: string) {
  afterAll(() => {
    // Requests (and calls of the Origin guard) make the total; the checks made on some of them do not.
    const total = [...tally.entries()].filter(([k]) => !CHECKS.has(k)).reduce((a, [, b]) => a + b, 0);
    const parts = [...tally.entries()].map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`hostile input · ${file}: ${total} cases (${parts}) · seed ${SEED}${SCALE !== 1 ? ` · runs ×${SCALE}` : ""}`);
  });
}

export type Answer =
  | { kind: "data"; status: number; data: unknown }
  | { kind: "response"; status: number; location: string | null; response: Response };

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** Calls the route; a thrown value that is not a Response fails the property with what it was. */
export async function callRoute(route: RouteKey, fn: "loader" | "action", request: Request, params: Record<string, string> = {}): Promise<Answer> {
  const run = (ROUTE_MODULES[route] as RouteModule)[fn];
  if (!run) throw new Error(`route ${route} has no ${fn}`);
  let out: unknown;
  // As the server does: files written while the form arrived are removed when the request ends.
  const scope = openRequestScope();
  try {
    out = await scope.run(() => run(routeArgs(request, params) as never));
  } catch (thrown) {
    if (thrown instanceof Response) out = thrown;
    else throw new Error(`${route} ${fn} threw instead of answering (a 500): ${thrown instanceof Error ? thrown.stack : String(thrown)}`);
  } finally {
    scope.end();
  }
  if (out instanceof Response) return { kind: "response", status: out.status, location: out.headers.get("Location"), response: out };
  if (isDataWithInit(out)) return { kind: "data", status: out.init?.status ?? 200, data: out.data };
  return { kind: "data", status: 200, data: out };
}

/** The messages of a form answered with errors, or null when the answer is not such a refusal. */
export function formErrorsOf(answer: Answer): Record<string, unknown> | null {
  if (answer.kind !== "data" || typeof answer.data !== "object" || answer.data === null) return null;
  const d = answer.data as { errors?: unknown; ok?: unknown; message?: unknown; formError?: unknown };
  if (d.errors && typeof d.errors === "object" && Object.keys(d.errors).length > 0) return d.errors as Record<string, unknown>;
  if (typeof d.formError === "string" && d.formError) return { _form: d.formError };
  if (typeof d.message === "string" && d.message && d.ok !== true) return { _form: d.message };
  return null;
}

export function isRefusal(answer: Answer): boolean {
  return (answer.status >= 400 && answer.status < 500) || formErrorsOf(answer) !== null;
}

const CHINESE = /[\u4e00-\u9fff]/;

export interface Checked {
  answer: Answer;
  writes: Write[];
}

/**
 * The properties every hostile request must satisfy. `what` names the case in failures.
 * Returns the answer and the writes it made for further checks.
 */
export async function expectSafeAnswer(
  what: string,
  route: RouteKey,
  fn: "loader" | "action",
  request: Request,
  params: Record<string, string> = {},
  locale: "zh-CN" | "en" = "zh-CN",
): Promise<Checked> {
  installJournal();
  clearJournal();
  const answer = await callRoute(route, fn, request, params);
  const writes = journal();
  expect(answer.status, `${what}: answered ${answer.status}`).toBeLessThan(500);
  if (isRefusal(answer)) {
    expect(forbiddenWrites(writes), `${what}: refused (${answer.status}) but wrote`).toEqual([]);
    const errors = formErrorsOf(answer);
    if (errors) {
      for (const [field, message] of Object.entries(errors)) {
        expect(typeof message, `${what}: message for ${field}`).toBe("string");
        if (locale === "zh-CN") expect(message as string, `${what}: message for ${field} is not Chinese`).toMatch(CHINESE);
        else expect((message as string).trim(), `${what}: empty message for ${field}`).not.toBe("");
      }
    } else if (answer.kind === "response") {
      expect((await answer.response.clone().text()).length, `${what}: a ${answer.status} without a body`).toBeGreaterThan(0);
    }
  } else if (answer.kind === "response" && answer.status >= 300 && answer.status < 400) {
    // No open redirect: wherever an answer sends the browser, it stays in the portal.
    expect(new URL(answer.location ?? "", ORIGIN).origin, `${what}: redirects to ${answer.location}`).toBe(ORIGIN);
  }
  if (!isRefusal(answer) && domainWrites(writes).length > 0) {
    // Every write is audited.
    expect(auditedActions(writes).length, `${what}: wrote ${JSON.stringify(domainWrites(writes).slice(0, 3))} without an audit entry`).toBeGreaterThan(0);
  }
  count(`${fn === "loader" ? "url" : "form"} ${isRefusal(answer) ? "refused" : "accepted"}`);
  return { answer, writes };
}
