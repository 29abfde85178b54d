import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { PactCardList, PendingMembersLine } from "~/components/pacts/pact-card";
import { NoticeAlert } from "~/components/pacts/pact-bits";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { isCountyAdmin, mayManagePacts } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { listPactsOf, pendingCountersignatures } from "~/modules/pacts/pacts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return {
    pacts: listPactsOf(viewer),
    awaitingUs: pendingCountersignatures(viewer),
    mayPropose: mayManagePacts(viewer.roles),
    signsForCounty: isCountyAdmin(viewer.roles),
  };
}

export default function PactsPage() {
  const t = useT();
  const { pacts, awaitingUs, mayPropose, signsForCounty } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("pacts.list.title")}
        actions={
          mayPropose ? (
            <Link to="/pacts/new" className={buttonLinkClass()}>
              {t("pacts.list.propose")}
            </Link>
          ) : undefined
        }
      >
        {t("pacts.list.intro")}
      </PageHeader>
      <NoticeAlert />
      <section className="mb-6" aria-labelledby="awaiting-us" data-testid="awaiting-us">
        <h2 id="awaiting-us" className="mb-2 text-base font-semibold text-slate-900">
          {t("pacts.list.pending")}
        </h2>
        {awaitingUs.length === 0 ? (
          <EmptyState>{t("pacts.list.pendingEmpty")}</EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">
              {signsForCounty ? t("pacts.list.pendingHintAdmin") : t("pacts.list.pendingHint")}
            </p>
            <PactCardList pacts={awaitingUs}>{(p) => <PendingMembersLine pact={p} />}</PactCardList>
          </>
        )}
      </section>
      <section aria-labelledby="all-pacts" data-testid="all-pacts">
        <h2 id="all-pacts" className="mb-2 text-base font-semibold text-slate-900">
          {t("pacts.list.all")}
        </h2>
        {pacts.length === 0 ? (
          <EmptyState>{mayPropose ? t("pacts.list.emptyManager") : t("pacts.list.empty")}</EmptyState>
        ) : (
          <PactCardList pacts={pacts}>
            {(p) => (p.phase === "proposed" ? <PendingMembersLine pact={p} /> : null)}
          </PactCardList>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
