import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirectTarget } from "~/modules/auth/redirect-target";
import { readFormData } from "~/modules/forms/read-form.server";

/** The language switch: remembers the choice in a cookie and goes back to the page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const wanted = form.get("locale");
  const to = safeRedirectTarget(form.get("redirectTo"));
  throw redirect(to, {
    headers: { "Set-Cookie": localeCookie(isLocale(wanted) ? wanted : DEFAULT_LOCALE) },
  });
}

export async function loader() {
  throw redirect("/");
}
