import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { PactCardList, PendingMembersLine } from "~/components/pacts/pact-card";
import { useJoin } from "~/components/pacts/pact-bits";
import { Card, EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { homeOverviewOf } from "~/modules/pacts/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return homeOverviewOf(viewer);
}

export default function Home() {
  const t = useT();
  const join = useJoin();
  const { county, person, activePacts, awaitingOurSignature, awaitingOthers } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader title={t("home.welcome", { name: person.displayName })}>{t("home.intro")}</PageHeader>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("home.county")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="home-county">
            <dt className="text-slate-500">{t("home.county.name")}</dt>
            <dd className="text-slate-900">{county.name}</dd>
            <dt className="text-slate-500">{t("home.county.province")}</dt>
            <dd className="text-slate-900">{county.province}</dd>
            <dt className="text-slate-500">{t("home.county.code")}</dt>
            <dd className="font-mono text-slate-900">{county.code}</dd>
          </dl>
        </Card>
        <Card title={t("home.me")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("home.me.name")}</dt>
            <dd className="text-slate-900">{person.displayName}</dd>
            {person.title ? (
              <>
                <dt className="text-slate-500">{t("home.me.title")}</dt>
                <dd className="text-slate-900">{person.title}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t("home.me.roles")}</dt>
            <dd className="text-slate-900">{join(person.roles.map((r) => t(`role.${r}`)))}</dd>
          </dl>
        </Card>
      </div>

      {awaitingOurSignature ? (
        <Card title={t("home.awaitingUs")}>
          {awaitingOurSignature.length === 0 ? (
            <EmptyState>{t("home.awaitingUs.empty")}</EmptyState>
          ) : (
            <div data-testid="home-awaiting-us">
              <PactCardList pacts={awaitingOurSignature}>{() => t("home.awaitingUs.hint")}</PactCardList>
            </div>
          )}
        </Card>
      ) : null}

      {awaitingOthers ? (
        <Card title={t("home.awaitingOthers")}>
          {awaitingOthers.length === 0 ? (
            <EmptyState>{t("home.awaitingOthers.empty")}</EmptyState>
          ) : (
            <div data-testid="home-awaiting-others">
              <PactCardList pacts={awaitingOthers}>{(p) => <PendingMembersLine pact={p} />}</PactCardList>
            </div>
          )}
        </Card>
      ) : null}

      <Card
        title={t("home.activePacts")}
        actions={
          <span className="flex flex-wrap gap-3 text-sm">
            <Link to="/liaisons" className="text-brand-700 hover:underline">
              {t("nav.liaisons")}
            </Link>
            <Link to="/pacts" className="text-brand-700 hover:underline">
              {t("home.allPacts")}
            </Link>
          </span>
        }
      >
        {activePacts.length === 0 ? (
          <EmptyState>{t("home.activePacts.empty")}</EmptyState>
        ) : (
          <div data-testid="home-active-pacts">
            <PactCardList pacts={activePacts} />
          </div>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
