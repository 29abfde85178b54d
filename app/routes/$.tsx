import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/require-user.server";

/** Any unknown address: sign in first, then a 404 in the viewer's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
