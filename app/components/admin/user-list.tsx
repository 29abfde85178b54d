import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { Role } from "~/modules/access/capabilities";

export interface UserListItem {
  id: string;
  username: string;
  displayName: string;
  title: string;
  disabled: boolean;
  roles: Role[];
}

function RoleBadges({ roles }: { roles: Role[] }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-1">
      {roles.map((role) => (
        <Badge key={role} tone={role === "county_admin" ? "blue" : "slate"}>
          {t(`role.${role}`)}
        </Badge>
      ))}
    </div>
  );
}

function StatusBadge({ disabled }: { disabled: boolean }) {
  const t = useT();
  return disabled ? <Badge tone="red">{t("admin.users.disabled")}</Badge> : <Badge tone="green">{t("admin.users.active")}</Badge>;
}

/** The county's accounts: stacked cards on phones, a table from the `md` width up. */
export function UserList({ users, viewerId }: { users: UserListItem[]; viewerId: string }) {
  const t = useT();
  const you = (id: string) => (id === viewerId ? <Badge tone="amber">{t("admin.users.you")}</Badge> : null);
  return (
    <>
      <ul className="space-y-3 md:hidden" data-testid="user-cards">
        {users.map((u) => (
          <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <Link to={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline">
                  {u.displayName}
                </Link>{" "}
                {you(u.id)}
                <p className="break-all font-mono text-xs text-slate-500">{u.username}</p>
                {u.title ? <p className="mt-1 text-sm text-slate-600">{u.title}</p> : null}
              </div>
              <StatusBadge disabled={u.disabled} />
            </div>
            <div className="mt-2">
              <RoleBadges roles={u.roles} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t("admin.users.username")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("admin.users.displayName")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("admin.users.jobTitle")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("admin.users.roles")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("admin.users.status")}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{t("admin.users.edit")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? "bg-slate-50 text-slate-500" : undefined}>
                <td className="px-4 py-2 font-mono text-xs">{u.username}</td>
                <td className="px-4 py-2">
                  {u.displayName} {you(u.id)}
                </td>
                <td className="px-4 py-2">{u.title}</td>
                <td className="px-4 py-2"><RoleBadges roles={u.roles} /></td>
                <td className="px-4 py-2"><StatusBadge disabled={u.disabled} /></td>
                <td className="px-4 py-2 text-right">
                  <Link to={`/admin/users/${u.id}`} className="text-brand-700 underline">
                    {t("admin.users.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
