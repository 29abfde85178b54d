/**
 * Calling pact routes the way Remix would: a real session cookie (startSession), an Origin
 * header on posts, and a single answer shape whether the route returned data, returned
 * `data(…, { status })`, or threw a Response (404, 403, redirects).
 */
import { openRequestScope } from "~/modules/http/request-scope.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "~/modules/auth/session.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";

export const PACT_ORIGIN = "http://localhost";

export type PostFields = Record<string, string | readonly string[] | undefined>;

export interface PactRequestOptions {
  locale?: "zh-CN" | "en";
  /** Leave out the Origin header (a cross-site post). */
  noOrigin?: boolean;
}

/** The `name=value` part of a new session's Set-Cookie for a demo user. */
export async function cookieOf(username: string, locale?: "zh-CN" | "en"): Promise<string> {
  const user = findUserByUsername(username);
  if (!user) throw new Error(`no demo user ${username}`);
  const session = (await startSession(user.id)).split(";")[0];
  return locale ? `${session}; lang=${locale}` : session;
}

export async function pactGet(username: string, path: string, options: PactRequestOptions = {}): Promise<Request> {
  return new Request(new URL(path, PACT_ORIGIN), { headers: { Cookie: await cookieOf(username, options.locale) } });
}

export async function pactPost(
  username: string,
  path: string,
  fields: PostFields,
  options: PactRequestOptions = {},
): Promise<Request> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) body.append(name, v);
  }
  const headers: Record<string, string> = {
    Cookie: await cookieOf(username, options.locale),
    "Content-Type": "application/x-www-form-urlencoded",
  };
  if (!options.noOrigin) headers.Origin = PACT_ORIGIN;
  return new Request(new URL(path, PACT_ORIGIN), { method: "POST", headers, body });
}

export interface RouteAnswer<T = any> {
  status: number;
  /** Where a redirect points. */
  location: string | null;
  /** What the loader or action returned (unwrapped from `data()`), or null for a thrown Response. */
  data: T | null;
}

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function fromResponse(response: Response): RouteAnswer {
  return { status: response.status, location: response.headers.get("Location"), data: null };
}

/** Runs a loader or action with a request and URL params, and says how it answered. */
export async function callRoute<T = any>(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteAnswer<T>> {
  // As the server does: files written while the form arrived are removed when the request ends.
  const scope = openRequestScope();
  try {
    const out = await scope.run(() => fn({ request, params, context: {} } as LoaderFunctionArgs));
    if (out instanceof Response) return fromResponse(out);
    if (isDataWithInit(out)) return { status: out.init?.status ?? 200, location: null, data: out.data as T };
    return { status: 200, location: null, data: out as T };
  } catch (thrown) {
    if (thrown instanceof Response) return fromResponse(thrown);
    throw thrown;
  } finally {
    scope.end();
  }
}
