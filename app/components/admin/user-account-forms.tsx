import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { MIN_PASSWORD_LENGTH } from "~/modules/auth/password-rules";

/** Disable or enable an account; one's own account cannot be disabled. */
export function AccountStatusCard({
  disabled,
  isSelf,
  error,
  busy,
}: {
  disabled: boolean;
  isSelf: boolean;
  error?: string;
  busy: boolean;
}) {
  const t = useT();
  return (
    <Card title={t("admin.users.account")}>
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <p className="text-sm text-slate-600">
          {disabled ? t("admin.users.accountDisabled") : t("admin.users.accountActive")}
        </p>
        {isSelf ? (
          <p className="text-sm text-slate-500">{t("admin.users.selfNote")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value={disabled ? "enable" : "disable"} />
            <Button variant={disabled ? "primary" : "danger"} disabled={busy}>
              {disabled ? t("admin.users.enable") : t("admin.users.disable")}
            </Button>
          </Form>
        )}
      </div>
    </Card>
  );
}

/** An administrator sets a new password for someone else; all of that user's sessions end. */
export function ResetPasswordCard({
  isSelf,
  errors,
  busy,
}: {
  isSelf: boolean;
  errors?: Record<string, string>;
  busy: boolean;
}) {
  const t = useT();
  return (
    <Card title={t("admin.users.resetPassword")}>
      {isSelf ? (
        <p className="text-sm text-slate-600">
          <Link to="/account/password" className="text-brand-700 underline">
            {t("admin.users.ownPassword")}
          </Link>
        </p>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="reset_password" />
          <p className="text-sm text-slate-600">{t("admin.users.resetPasswordNote")}</p>
          {errors?._form ? <Alert tone="error">{errors._form}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="password"
              type="password"
              label={t("admin.users.newPassword")}
              hint={t("admin.users.passwordHint")}
              error={errors?.password}
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
            />
            <TextField
              name="confirm"
              type="password"
              label={t("admin.users.confirmPassword")}
              error={errors?.confirm}
              autoComplete="new-password"
              required
            />
          </div>
          <Button variant="secondary" disabled={busy}>
            {t("admin.users.resetPassword")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
