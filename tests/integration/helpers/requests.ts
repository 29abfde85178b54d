/**
 * Building signed-in requests for calling route loaders and actions directly, the way Remix
 * would: a real session cookie, and an Origin header on writes (the CSRF guard wants one).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { startSession } from "~/modules/auth/session.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";

export const ORIGIN = "http://localhost";

export type FormFields = Record<string, string | string[] | undefined>;

export interface RequestOptions {
  /** Ask for a language through the `lang` cookie (default: none, i.e. zh-CN). */
  locale?: "zh-CN" | "en";
}

/** `portal_session=…` for a fresh session of a (demo) user, ready for a Cookie header. */
export async function sessionCookieFor(username: string): Promise<string> {
  const user = findUserByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  const setCookie = await startSession(user.id);
  return setCookie.split(";")[0];
}

function cookieHeader(session: string, options: RequestOptions): string {
  return options.locale ? `${session}; lang=${options.locale}` : session;
}

/** A GET of `path` by `username`, signed in with a new session. */
export async function getAs(username: string, path: string, options: RequestOptions = {}): Promise<Request> {
  const session = await sessionCookieFor(username);
  return new Request(new URL(path, ORIGIN), { headers: { Cookie: cookieHeader(session, options) } });
}

/** A same-origin form POST to `path` by `username`; array values post one field per item. */
export async function postAs(
  username: string,
  path: string,
  fields: FormFields,
  options: RequestOptions = {},
): Promise<Request> {
  const session = await sessionCookieFor(username);
  return postWithCookie(cookieHeader(session, options), path, fields);
}

/** A same-origin form POST with a given Cookie header (e.g. a session that should have ended). */
export function postWithCookie(cookie: string, path: string, fields: FormFields): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(new URL(path, ORIGIN), {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** The arguments Remix passes to a loader or action. */
export function routeArgs(request: Request, params: Record<string, string> = {}): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context: {} };
}

/** What a loader or action produced: its return value, or the Response it threw. */
export async function settle<T>(run: Promise<T>): Promise<T | Response> {
  try {
    return await run;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Runs a loader or action that must end in a thrown or returned Response with `status`. */
export async function expectStatus(run: Promise<unknown>, status: number): Promise<Response> {
  const outcome = await settle(run);
  expect(outcome).toBeInstanceOf(Response);
  const response = outcome as Response;
  expect(response.status).toBe(status);
  return response;
}

/** Runs an action that must redirect, and returns where to. */
export async function expectRedirect(run: Promise<unknown>): Promise<string> {
  const response = await expectStatus(run, 302);
  return response.headers.get("Location") ?? "";
}

/** Runs a loader or action that must return data (no Response), and returns it. */
export async function expectData<T>(run: Promise<T>): Promise<Exclude<T, Response>> {
  const outcome = await settle(run);
  if (outcome instanceof Response) {
    throw new Error(`expected data, got a ${outcome.status} response (${outcome.headers.get("Location") ?? ""})`);
  }
  return outcome as Exclude<T, Response>;
}

/**
 * A same-origin multipart POST by `username`, as a browser sends a form with
 * `encType="multipart/form-data"`: text fields, then files (one part per File).
 */
export async function postMultipartAs(
  username: string,
  path: string,
  fields: FormFields,
  files: Record<string, File[]> = {},
  options: RequestOptions = {},
): Promise<Request> {
  const session = await sessionCookieFor(username);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  for (const [name, list] of Object.entries(files)) for (const file of list) body.append(name, file);
  return new Request(new URL(path, ORIGIN), {
    method: "POST",
    headers: { Cookie: cookieHeader(session, options), Origin: ORIGIN },
    body,
  });
}
