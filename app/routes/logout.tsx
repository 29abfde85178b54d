import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getViewer } from "~/modules/auth/require-user.server";
import { blankSessionCookie } from "~/modules/auth/session.server";
import { signOut } from "~/modules/auth/sign-in.server";

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) await signOut(viewer);
  throw redirect("/login?signedOut=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export async function loader() {
  throw redirect("/");
}
