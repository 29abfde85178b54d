import { redirect } from "@remix-run/node";
import { loadViewerIdentity } from "~/modules/tenancy/users.server";
import { requestIsSameOrigin } from "./origin.server";
import { readSession } from "./session.server";
import type { Viewer } from "./viewer";

/** The client address the server put in a header of its own (see server.ts). */
export function clientAddress(request: Request): string | null {
  return request.headers.get("X-Portal-Client-Address");
}

/** The viewer of a request, or null when nobody valid is signed in. */
export async function getViewer(request: Request): Promise<Viewer | null> {
  const session = await readSession(request);
  if (!session) return null;
  const identity = loadViewerIdentity(session.userId);
  if (!identity || identity.disabled) return null;
  const { disabled: _disabled, ...rest } = identity;
  return { ...rest, sessionId: session.sessionId, ip: clientAddress(request) };
}

/** The pages a user whose password an administrator set may still open. */
const OPEN_BEFORE_OWN_PASSWORD = new Set(["/account/password", "/logout", "/lang"]);
export const OWN_PASSWORD_REQUIRED = "/account/password?required=1";

/**
 * Every loader and action starts here. No signed-in user: off to the sign-in page (and back
 * afterwards). A write from another site: 403. A password an administrator set: off to choose
 * one's own first.
 */
export async function requireUser(request: Request): Promise<Viewer> {
  if (!requestIsSameOrigin(request)) {
    throw new Response("Forbidden", { status: 403 });
  }
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (viewer.mustChangePassword && !OPEN_BEFORE_OWN_PASSWORD.has(new URL(request.url).pathname)) {
    throw redirect(OWN_PASSWORD_REQUIRED);
  }
  return viewer;
}
