import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { EnrolmentQr, RecoveryCodeList } from "~/components/second-factor/panels";
import { Button } from "~/components/ui/button";
import { CheckboxField, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { formatDateTime } from "~/i18n";
import { getLocale, getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { authConfig } from "~/modules/auth/config.server";
import { requestIsSameOrigin } from "~/modules/auth/origin.server";
import { safeRedirectTarget } from "~/modules/auth/redirect-target";
import { clientAddress, getViewer } from "~/modules/auth/require-user.server";
import { confirmEnrolment, enrolmentSecret } from "~/modules/auth/second-factor/factors.server";
import {
  actorOfPending,
  blankPendingCookie,
  checkPendingCode,
  checkSignInCode,
  completeSignIn,
  PENDING_COOKIE,
  readPendingSignIn,
} from "~/modules/auth/second-factor/sign-in-step.server";
import { groupedSecret, totpQrSvg } from "~/modules/auth/second-factor/totp.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { parseForm } from "~/modules/forms/validation";
import { readFormData } from "~/modules/forms/read-form.server";

/**
 * /login/second-factor: after a right password, the code from the authenticator app (or a
 * recovery code) — or, when the county requires a factor the user has not set up, its enrolment.
 * Only the short-lived pending sign-in cookie opens this page; no session exists yet.
 */
const codeSchema = z.object({
  code: z.string().trim().min(1, { error: "form.required" }).max(32, { error: "form.tooLong|max=32" }),
  remember: z.string().optional(),
});

function startOver(request: Request): never {
  const hadCookie = (request.headers.get("Cookie") ?? "").includes(`${PENDING_COOKIE}=`);
  throw redirect(hadCookie ? "/login?secondFactorExpired=1" : "/login", { headers: { "Set-Cookie": blankPendingCookie() } });
}

const rememberHours = () => Math.floor(authConfig().absoluteMs / 3_600_000);

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = readPendingSignIn(getDb(), request);
  if (!pending) {
    // Just signed in here (the recovery codes are on screen): nothing to do any more.
    if (await getViewer(request)) return { mode: "done" as const, hours: rememberHours() };
    startOver(request);
  }
  if (!pending.enrol) return { mode: "verify" as const, hours: rememberHours() };
  const secret = writeTransaction((tx) => enrolmentSecret(tx, actorOfPending(pending, clientAddress(request)), pending.userId))!;
  return {
    mode: "enrol" as const,
    hours: rememberHours(),
    qrSvg: await totpQrSvg(secret, pending.username),
    secret: groupedSecret(secret),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // No session to guard yet, so the write guard is checked here as requireUser would.
  if (!requestIsSameOrigin(request)) throw new Response("Forbidden", { status: 403 });
  const formData = await readFormData(request);
  const pending = readPendingSignIn(getDb(), request);
  if (!pending) startOver(request);
  const t = getTranslator(request);
  const parsed = parseForm(codeSchema, formData, t);
  if (!parsed.ok) return { errors: parsed.errors, recoveryCodes: null, next: null };
  const ip = clientAddress(request);
  const { code, remember } = parsed.data;

  let recoveryCodes: string[] | null = null;
  const check = pending.enrol
    ? checkPendingCode(pending, ip, (tx) => {
        recoveryCodes = confirmEnrolment(tx, actorOfPending(pending, ip), pending.userId, code);
        return recoveryCodes ? "totp" : null;
      })
    : checkSignInCode(pending, ip, code);

  if (!check.ok) {
    const message =
      check.reason === "locked"
        ? t("sf.locked", { time: formatDateTime(check.until, getLocale(request)) })
        : t(pending.enrol ? "sf.enrol.invalidCode" : "sf.invalidCode");
    return { errors: { code: message } as Record<string, string>, recoveryCodes: null, next: null };
  }

  const headers = new Headers();
  for (const cookie of await completeSignIn(pending, ip, pending.enrol ? "enrolment" : check.proof, remember === "on")) {
    headers.append("Set-Cookie", cookie);
  }
  const next = safeRedirectTarget(pending.redirectTo);
  if (recoveryCodes) return data({ errors: {} as Record<string, string>, recoveryCodes: recoveryCodes as string[], next }, { headers });
  throw redirect(next, { headers });
}

export default function SecondFactorSignIn() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const enrol = loaded.mode === "enrol";
  return (
    <div className="mx-auto mt-6 max-w-md">
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t(enrol ? "sf.enrol.title" : "sf.login.title")}</h1>
        {result?.recoveryCodes ? (
          <>
            <Alert tone="success">{t("sf.notice.enabled")}</Alert>
            <RecoveryCodeList codes={result.recoveryCodes} />
            <Link to={result.next ?? "/"} className="inline-block rounded-md bg-brand-700 px-4 py-2 text-white">
              {t("sf.codes.continue")}
            </Link>
          </>
        ) : loaded.mode === "done" ? (
          <Link to="/" className="text-brand-700 underline">
            {t("sf.codes.continue")}
          </Link>
        ) : (
          <>
            {enrol ? <Alert tone="info">{t("sf.enrol.required")}</Alert> : <p className="text-sm text-slate-600">{t("sf.login.intro")}</p>}
            {loaded.mode === "enrol" ? <EnrolmentQr qrSvg={loaded.qrSvg} secret={loaded.secret} /> : null}
            <Form method="post" className="space-y-4" noValidate>
              <TextField
                name="code"
                label={t(enrol ? "sf.enrol.codeLabel" : "sf.code")}
                hint={enrol ? undefined : t("sf.code.hint")}
                autoComplete="one-time-code"
                autoCapitalize="none"
                inputMode={enrol ? "numeric" : undefined}
                error={errors.code}
                required
              />
              <CheckboxField name="remember" label={t("sf.remember", { hours: loaded.hours })} />
              <Button className="w-full" disabled={busy}>
                {t(enrol ? "sf.enrol.confirm" : "sf.verify")}
              </Button>
            </Form>
            <Link to="/login" className="block text-sm text-brand-700 underline">
              {t("sf.cancel")}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
