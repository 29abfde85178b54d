import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { TermText, WorkflowChips } from "~/components/pacts/pact-bits";
import { PhoneLink } from "~/components/pacts/pact-members";
import { Badge, EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { liaisonDirectoryOf } from "~/modules/pacts/liaisons.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return { directory: liaisonDirectoryOf(viewer) };
}

export default function LiaisonDirectoryPage() {
  const t = useT();
  const { directory } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("nav.liaisons")}>{t("pacts.directory.intro")}</PageHeader>
      {directory.length === 0 ? (
        <EmptyState>{t("pacts.directory.empty")}</EmptyState>
      ) : (
        <ul className="space-y-4" data-testid="liaison-directory">
          {directory.map((entry) => (
            <li key={entry.pactId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="directory-pact">
              <h2 className="break-words text-base font-semibold">
                <Link to={`/pacts/${entry.pactId}`} className="text-brand-700 hover:underline">
                  {entry.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                <TermText startsOn={entry.startsOn} endsOn={entry.endsOn} />
              </p>
              <div className="mt-2">
                <WorkflowChips workflows={entry.workflows} />
              </div>
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {entry.sides.map((side) => (
                  <section key={side.countyId} className="rounded-md bg-slate-50 p-3" aria-label={side.countyName}>
                    <h3 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                      {side.countyName}
                      {side.isOwn ? <Badge>{t("pacts.ownCounty")}</Badge> : null}
                    </h3>
                    {side.liaisons.length === 0 ? (
                      <p className="text-sm text-slate-500">{t("pacts.detail.noLiaisons")}</p>
                    ) : (
                      <ul className="space-y-2">
                        {side.liaisons.map((p) => (
                          <li key={p.userId} className="text-sm">
                            <p>
                              <span className="font-medium text-slate-900">{p.displayName}</span>
                              {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
                            </p>
                            <PhoneLink phone={p.phone} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
