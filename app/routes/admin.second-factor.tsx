import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { Button } from "~/components/ui/button";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import {
  countyRequiresSecondFactor,
  enrolledUserIds,
  resetFactor,
  SECOND_FACTOR_ROLES,
  setCountyRequirement,
} from "~/modules/auth/second-factor/factors.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { readFormData } from "~/modules/forms/read-form.server";
import { actorOf, findCountyUser, listCountyUsers, requireCountyAdmin } from "~/modules/tenancy/users.server";

/**
 * /admin/second-factor: the county's requirement (administrators, police liaisons and
 * political-legal staff must use a second factor) and resetting one person's factor.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const db = getDb();
  const required = countyRequiresSecondFactor(db, viewer.countyId);
  const enrolled = enrolledUserIds(db, viewer.countyId);
  return {
    required,
    users: listCountyUsers(viewer).map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      enrolled: enrolled.has(u.id),
      mustEnrol: required && u.roles.some((r) => SECOND_FACTOR_ROLES.includes(r)),
      isSelf: u.id === viewer.userId,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");

  if (intent === "require") {
    const required = formData.get("required") === "on";
    writeTransaction((tx) => setCountyRequirement(tx, actorOf(viewer), viewer.countyId, required));
    throw redirect(`/admin/second-factor?notice=${required ? "required" : "optional"}`);
  }

  if (intent === "reset") {
    const userId = String(formData.get("userId") ?? "");
    const user = userId ? findCountyUser(viewer, userId) : null;
    if (!user) throw new Response("Not Found", { status: 404 });
    // Separation of duties: another administrator resets an administrator's own factor.
    if (user.id === viewer.userId) return { errors: { _form: t("admin.sf.cannotResetSelf") } };
    writeTransaction((tx) => resetFactor(tx, actorOf(viewer), user.id));
    throw redirect("/admin/second-factor?notice=reset");
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function CountySecondFactor() {
  const t = useT();
  const { required, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={t("admin.sf.title")}>
        <Link to="/admin" className="text-brand-700 underline">
          {t("admin.home.title")}
        </Link>
      </PageHeader>
      <NoticeAlert
        notices={{ required: "admin.sf.notice.required", optional: "admin.sf.notice.optional", reset: "admin.sf.notice.reset" }}
      />
      {result?.errors._form ? <Alert tone="error">{result.errors._form}</Alert> : null}
      <Card title={t("admin.sf.county")}>
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="require" />
          <input type="hidden" name="required" value={required ? "off" : "on"} />
          <p className="text-sm text-slate-700" data-testid="sf-county-requirement">
            {t(required ? "admin.sf.requiredOn" : "admin.sf.requiredOff")}
          </p>
          <Button variant={required ? "secondary" : "primary"} disabled={busy}>
            {t(required ? "admin.sf.turnOff" : "admin.sf.turnOn")}
          </Button>
        </Form>
      </Card>
      <Card title={t("admin.sf.users")}>
        <p className="mb-3 text-sm text-slate-600">{t("admin.sf.resetHint")}</p>
        <ul className="divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid={`sf-user-${u.username}`}>
              <span className="font-medium">{u.displayName}</span>
              <span className="font-mono text-xs text-slate-500">{u.username}</span>
              {u.roles.map((r) => (
                <Badge key={r}>{t(`role.${r}`)}</Badge>
              ))}
              {u.enrolled ? (
                <Badge tone="green">{t("admin.sf.enrolled")}</Badge>
              ) : u.mustEnrol ? (
                <Badge tone="amber">{t("admin.sf.mustEnrol")}</Badge>
              ) : (
                <Badge>{t("admin.sf.notEnrolled")}</Badge>
              )}
              <span className="ml-auto">
                {u.isSelf ? (
                  <span className="text-xs text-slate-500">{t("admin.sf.ownReset")}</span>
                ) : u.enrolled ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset" />
                    <input type="hidden" name="userId" value={u.id} />
                    <Button variant="danger" disabled={busy}>
                      {t("admin.sf.reset")}
                    </Button>
                  </Form>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
