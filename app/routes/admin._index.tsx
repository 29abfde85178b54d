import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { recentSensitiveGrants } from "~/modules/tenancy/role-grants.server";
import { requireCountyAdmin } from "~/modules/tenancy/users.server";

/**
 * /admin: the county administration's home. It lists the recent grants of sensitive roles
 * (police liaison, county admin), so that each administrator sees what the others granted.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  return { countyName: viewer.countyName, sensitiveGrants: recentSensitiveGrants(viewer) };
}

const SECTIONS = [
  { to: "/admin/users", label: "nav.users", hint: "admin.home.usersHint" },
  { to: "/admin/regions", label: "nav.regions", hint: "admin.home.regionsHint" },
  { to: "/admin/audit", label: "nav.audit", hint: "admin.home.auditHint" },
  { to: "/admin/second-factor", label: "nav.secondFactor", hint: "admin.home.secondFactorHint" },
] as const;

export default function AdminHome() {
  const t = useT();
  const { countyName, sensitiveGrants } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={t("admin.home.title")}>{countyName}</PageHeader>
      <div className="grid gap-3 sm:grid-cols-3">
        {SECTIONS.map((s) => (
          <Link key={s.to} to={s.to} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
            <p className="font-medium text-brand-700">{t(s.label)}</p>
            <p className="mt-1 text-sm text-slate-600">{t(s.hint)}</p>
          </Link>
        ))}
      </div>
      <Card title={t("admin.home.grantsTitle")}>
        <div className="space-y-3" data-testid="sensitive-grants">
          <p className="text-sm text-slate-600">{t("admin.home.grantsIntro")}</p>
          {sensitiveGrants.length === 0 ? (
            <EmptyState>{t("admin.home.grantsEmpty")}</EmptyState>
          ) : (
            <ol className="divide-y divide-slate-100">
              {sensitiveGrants.map((g) => (
                <li key={g.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <time className="text-xs text-slate-500" dateTime={new Date(g.at).toISOString()}>
                    {t.dateTime(g.at)}
                  </time>
                  <Badge tone="amber">{t(`role.${g.role}`)}</Badge>
                  <span className="text-slate-800">
                    {t("admin.home.grantLine", { by: g.grantedByName, name: g.displayName || g.username })}{" "}
                    <Link to={`/admin/users/${g.userId}`} className="font-mono text-xs text-brand-700 underline">
                      {g.username}
                    </Link>
                  </span>
                  {g.grantedBySelf ? <span className="text-xs text-slate-500">{t("admin.home.grantedByYou")}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </Card>
    </div>
  );
}
