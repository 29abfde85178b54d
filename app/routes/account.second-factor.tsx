import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NoticeAlert } from "~/components/admin/notice";
import { EnrolmentQr, RecoveryCodeList } from "~/components/second-factor/panels";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { verifyPassword } from "~/modules/auth/password.server";
import { requireUser } from "~/modules/auth/require-user.server";
import {
  confirmEnrolment,
  factorStatus,
  regenerateRecoveryCodes,
  removeOwnFactor,
  spendFactorCode,
  startEnrolment,
} from "~/modules/auth/second-factor/factors.server";
import { blankDeviceCookie } from "~/modules/auth/second-factor/sign-in-step.server";
import { groupedSecret, totpQrSvg } from "~/modules/auth/second-factor/totp.server";
import { writeTransaction } from "~/modules/db/connection.server";
import { parseForm } from "~/modules/forms/validation";
import { readFormData } from "~/modules/forms/read-form.server";
import { actorOf, findUserByUsername } from "~/modules/tenancy/users.server";

/** /account/second-factor: one's own second factor — enrol, new recovery codes, remove. */
const codeSchema = z.object({
  code: z.string().trim().min(1, { error: "form.required" }).max(32, { error: "form.tooLong|max=32" }),
});
const passwordSchema = z.object({
  current: z.string().min(1, { error: "form.required" }).max(256, { error: "form.tooLong|max=256" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const status = factorStatus(viewer.userId);
  const { pendingSecret, ...rest } = status;
  return {
    ...rest,
    enrolment: pendingSecret
      ? { qrSvg: await totpQrSvg(pendingSecret, viewer.username), secret: groupedSecret(pendingSecret) }
      : null,
  };
}

type Intent = "start" | "confirm" | "regenerate" | "remove";
interface Outcome {
  intent: Intent;
  errors: Record<string, string>;
  recoveryCodes: string[] | null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const actor = actorOf(viewer);
  const refuse = (intent: Intent, errors: Record<string, string>): Outcome => ({ intent, errors, recoveryCodes: null });

  if (intent === "start") {
    writeTransaction((tx) => startEnrolment(tx, actor, viewer.userId));
    throw redirect("/account/second-factor");
  }

  if (intent === "confirm") {
    const parsed = parseForm(codeSchema, formData, t);
    if (!parsed.ok) return refuse(intent, parsed.errors);
    const codes = writeTransaction((tx) => confirmEnrolment(tx, actor, viewer.userId, parsed.data.code));
    if (!codes) return refuse(intent, { code: t("sf.enrol.invalidCode") });
    return { intent, errors: {}, recoveryCodes: codes } satisfies Outcome;
  }

  // Both changes below ask for the current password again: a session left open is not enough.
  if (intent === "regenerate" || intent === "remove") {
    const parsed = parseForm(passwordSchema, formData, t);
    if (!parsed.ok) return refuse(intent, parsed.errors);
    const user = findUserByUsername(viewer.username)!;
    const passwordRight = await verifyPassword(user.passwordHash, parsed.data.current);
    if (intent === "regenerate") {
      if (!passwordRight) return refuse(intent, { current: t("password.wrongCurrent") });
      const codes = writeTransaction((tx) => regenerateRecoveryCodes(tx, actor, viewer.userId));
      if (!codes) throw redirect("/account/second-factor");
      return { intent, errors: {}, recoveryCodes: codes } satisfies Outcome;
    }
    const outcome = writeTransaction((tx) => {
      if (!passwordRight && !spendFactorCode(tx, viewer.userId, parsed.data.current)) return "wrong" as const;
      return removeOwnFactor(tx, actor, viewer.userId);
    });
    if (outcome === "wrong") return refuse(intent, { current: t("sf.account.wrongCredential") });
    if (outcome === "required") return refuse(intent, { _form: t("sf.account.cannotRemove") });
    throw redirect("/account/second-factor?notice=removed", { headers: { "Set-Cookie": blankDeviceCookie() } });
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function OwnSecondFactor() {
  const t = useT();
  const status = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorsOf = (intent: Intent): Record<string, string | undefined> => (result?.intent === intent ? result.errors : {});
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader title={t("sf.account.title")} />
      <NoticeAlert notices={{ removed: "sf.notice.removed" }} />
      {result?.recoveryCodes ? (
        <Card>
          <div className="space-y-3">
            {result.intent === "confirm" ? <Alert tone="success">{t("sf.notice.enabled")}</Alert> : null}
            <RecoveryCodeList codes={result.recoveryCodes} />
          </div>
        </Card>
      ) : null}
      <Card>
        <div className="space-y-3 text-sm" data-testid="sf-status">
          <p>{t(status.enrolled ? "sf.account.on" : "sf.account.off")}</p>
          {status.required ? <p className="text-amber-800">{t("sf.account.requiredNote")}</p> : null}
          {status.enrolled ? (
            <p className="text-slate-600">
              {t("sf.account.codesLeft", { count: status.recoveryCodesLeft })} · {t("sf.account.devices", { count: status.rememberedDevices })}
            </p>
          ) : null}
        </div>
      </Card>

      {!status.enrolled && status.enrolment ? (
        <Card title={t("sf.enrol.title")}>
          <div className="space-y-4">
            <EnrolmentQr qrSvg={status.enrolment.qrSvg} secret={status.enrolment.secret} />
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="intent" value="confirm" />
              <TextField name="code" label={t("sf.enrol.codeLabel")} inputMode="numeric" autoComplete="one-time-code" error={errorsOf("confirm").code} required />
              <div className="flex flex-wrap gap-2">
                <Button disabled={busy}>{t("sf.enrol.confirm")}</Button>
              </div>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <Button variant="secondary" disabled={busy}>{t("sf.account.restart")}</Button>
            </Form>
          </div>
        </Card>
      ) : null}

      {!status.enrolled && !status.enrolment ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <Button disabled={busy}>{t("sf.account.start")}</Button>
        </Form>
      ) : null}

      {status.enrolled ? (
        <>
          <Card title={t("sf.account.regenerate")}>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="regenerate" />
              <p className="text-sm text-slate-600">{t("sf.account.regenerateHint")}</p>
              <TextField name="current" id="f-regenerate-current" type="password" label={t("sf.account.password")} autoComplete="current-password" error={errorsOf("regenerate").current} required />
              <Button variant="secondary" disabled={busy}>{t("sf.account.regenerate")}</Button>
            </Form>
          </Card>
          {status.required ? null : (
            <Card title={t("sf.account.remove")}>
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="remove" />
                {errorsOf("remove")._form ? <Alert tone="error">{errorsOf("remove")._form}</Alert> : null}
                <p className="text-sm text-slate-600">{t("sf.account.removeHint")}</p>
                <TextField name="current" id="f-remove-current" type="password" label={t("sf.account.credential")} autoComplete="current-password" error={errorsOf("remove").current} required />
                <Button variant="danger" disabled={busy}>{t("sf.account.remove")}</Button>
              </Form>
            </Card>
          )}
        </>
      ) : null}
    </div>
  );
}
