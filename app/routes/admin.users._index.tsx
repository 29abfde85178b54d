import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { UserList } from "~/components/admin/user-list";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { listCountyUsers, requireCountyAdmin } from "~/modules/tenancy/users.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const users = listCountyUsers(viewer).map(({ phone: _phone, ...u }) => u);
  return { countyName: viewer.countyName, viewerId: viewer.userId, users };
}

export default function CountyUsersPage() {
  const t = useT();
  const { countyName, viewerId, users } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("admin.users.title")}
        actions={
          <Link to="/admin/users/new" className={buttonLinkClass()}>
            {t("admin.users.new")}
          </Link>
        }
      >
        {t("admin.users.summary", { county: countyName, count: users.length })}
      </PageHeader>
      <NoticeAlert notices={{ created: "admin.notice.userCreated" }} />
      {users.length === 0 ? (
        <EmptyState>{t("admin.users.empty")}</EmptyState>
      ) : (
        <UserList users={users} viewerId={viewerId} />
      )}
    </div>
  );
}
