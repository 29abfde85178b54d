import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SweepCard } from "~/components/hazards/sweep-bits";
import { ErrorPage } from "~/components/layout/error-page";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { listSweeps } from "~/modules/hazards/sweeps-read.server";
import { pactChoicesFor } from "~/modules/records/create.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const sweeps = listSweeps(viewer);
  return {
    sweeps,
    mayPlan: can(viewer.roles, "hazard", "transition") && pactChoicesFor(viewer, "hazard").length > 0,
  };
}

export default function SweepsPage() {
  const t = useT();
  const { sweeps, mayPlan } = useLoaderData<typeof loader>();
  return (
    <div>
      <Link to="/hazards" className="text-sm text-brand-700 hover:underline">
        ← {t("hazards.detail.back")}
      </Link>
      <PageHeader
        title={t("hazards.sweeps.title")}
        actions={
          mayPlan ? (
            <Link to="/hazards/sweeps/new" className={buttonLinkClass()}>
              {t("hazards.sweeps.plan")}
            </Link>
          ) : undefined
        }
      >
        {t("hazards.sweeps.intro")}
      </PageHeader>
      {sweeps.length === 0 ? (
        <EmptyState>{t("hazards.sweeps.empty")}</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="sweep-list">
          {sweeps.map((s) => (
            <SweepCard key={s.id} sweep={s} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
