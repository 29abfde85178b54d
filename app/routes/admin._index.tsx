import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/require-user.server";
import { requireCountyAdmin } from "~/modules/tenancy/users.server";

/** /admin: the county administration starts with its users. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  throw redirect("/admin/users");
}

export default function AdminHome() {
  return null;
}
