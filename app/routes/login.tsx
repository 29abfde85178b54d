import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { deviceTokenOf } from "~/modules/auth/second-factor/sign-in-step.server";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { formatDateTime } from "~/i18n";
import { getLocale, getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { safeRedirectTarget } from "~/modules/auth/redirect-target";
import { clientAddress, getViewer } from "~/modules/auth/require-user.server";
import { authConfig } from "~/modules/auth/config.server";
import { endSessionOfCookie } from "~/modules/auth/session.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { parseForm } from "~/modules/forms/validation";
import { readFormData } from "~/modules/forms/read-form.server";

const loginSchema = z.object({
  username: z.string().trim().min(1, { error: "form.required" }).max(64, { error: "form.tooLong|max=64" }),
  password: z.string().min(1, { error: "form.required" }).max(256, { error: "form.tooLong|max=256" }),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) {
    throw redirect(safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const t = getTranslator(request);
  const parsed = parseForm(loginSchema, await readFormData(request), t);
  if (!parsed.ok) return { errors: parsed.errors, message: null, username: String(parsed.values.username ?? "") };
  const { username, password, redirectTo } = parsed.data;
  const result = await signIn(username, password, clientAddress(request), {
    deviceToken: deviceTokenOf(request),
    redirectTo: safeRedirectTarget(redirectTo),
  });
  if ((result.ok || result.reason === "second_factor") && secureCookieOverPlainHttp(request)) {
    // The browser would drop the Secure cookie and land back here without a word: say why.
    if (result.ok) await endSessionOfCookie(result.cookie);
    return { errors: {} as Record<string, string>, message: t("login.insecureTransport"), username };
  }
  if (result.ok) {
    throw redirect(safeRedirectTarget(redirectTo), { headers: { "Set-Cookie": result.cookie } });
  }
  if (result.reason === "second_factor") {
    throw redirect("/login/second-factor", { headers: { "Set-Cookie": result.cookie } });
  }
  const time = "until" in result ? formatDateTime(result.until, getLocale(request)) : "";
  const seconds = "until" in result ? Math.max(1, Math.ceil((result.until - Date.now()) / 1000)) : 0;
  const message =
    result.reason === "account_locked"
      ? t("login.accountLocked", { time })
      : result.reason === "slowed"
        ? t("login.slowed", { seconds })
        : result.reason === "address_locked"
          ? t("login.addressLocked", { time })
          : result.reason === "disabled"
            ? t("login.disabled")
            : t("login.invalid");
  return { errors: {} as Record<string, string>, message, username };
}

/**
 * Cookies are marked Secure, but the browser posted from a plain-HTTP page. Its Origin header
 * says what the browser sees, even behind a proxy that ends TLS; without one, the server's view.
 * Browsers keep Secure cookies on the loopback (http://localhost), so that is no reason to warn.
 */
function secureCookieOverPlainHttp(request: Request): boolean {
  if (!authConfig().secureCookies) return false;
  const origin = request.headers.get("Origin");
  let url: URL;
  try {
    url = new URL(origin && origin !== "null" ? origin : request.url);
  } catch {
    return false;
  }
  return url.protocol === "http:" && !LOOPBACK.test(url.hostname);
}

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export default function LoginPage() {
  const t = useT();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto mt-6 max-w-sm">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t("login.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("login.subtitle")}</p>
        <div className="mt-4 space-y-3">
          {params.get("signedOut") ? <Alert tone="success">{t("login.signedOut")}</Alert> : null}
          {params.get("passwordChanged") ? <Alert tone="success">{t("password.changed")}</Alert> : null}
          {params.get("secondFactorExpired") ? <Alert tone="info">{t("sf.expired")}</Alert> : null}
          {data?.message ? <Alert tone="error">{data.message}</Alert> : null}
        </div>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextField
            name="username"
            label={t("login.username")}
            autoComplete="username"
            autoCapitalize="none"
            defaultValue={data?.username ?? ""}
            error={data?.errors.username}
            required
          />
          <TextField
            name="password"
            type="password"
            label={t("login.password")}
            autoComplete="current-password"
            error={data?.errors.password}
            required
          />
          <Button className="w-full" disabled={busy}>
            {t("login.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
