import { Link } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { Badge, EmptyState } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { SearchHit, SearchPage } from "~/modules/search/search.server";
import { recordStatusLabel, workflowLabel } from "./labels";

/** Before anything is typed: what can be found, and that only what the viewer may see is. */
export function SearchStart() {
  const t = useT();
  return (
    <EmptyState>
      <p className="text-base font-medium text-slate-700">{t("search.start.title")}</p>
      <p className="mt-2">{t("search.start.examples")}</p>
      <p className="mt-1">{t("search.start.scope")}</p>
    </EmptyState>
  );
}

function HitCard({ hit }: { hit: SearchHit }) {
  const t = useT();
  return (
    <li>
      <Link
        to={hit.path}
        className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
        data-testid="search-hit"
      >
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="font-mono text-slate-600">{hit.refNo}</span>
          <Badge tone="blue">{workflowLabel(t, hit.workflow)}</Badge>
          <Badge>{recordStatusLabel(t, hit.workflow, hit.status)}</Badge>
        </div>
        <p className="mt-1 break-words text-base font-medium text-slate-900">{hit.title}</p>
        {hit.snippet.before || hit.snippet.hit || hit.snippet.after ? (
          <p className="mt-1 break-words text-sm text-slate-700" data-testid="search-snippet">
            {hit.snippet.before}
            {hit.snippet.hit ? <mark className="rounded bg-amber-100 px-0.5 text-slate-900">{hit.snippet.hit}</mark> : null}
            {hit.snippet.after}
          </p>
        ) : null}
        <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
          <span>{hit.ownerCountyName}</span>
          <span>{t("search.createdAt", { date: t.dateTime(hit.createdAt) })}</span>
          <span>{t("search.hitIn", { where: t(`search.hitIn.${hit.hitIn}`) })}</span>
        </p>
      </Link>
    </li>
  );
}

/** One row per record, newest first, with the count and the pages. */
export function SearchResults({ q, results }: { q: string; results: SearchPage }) {
  const t = useT();
  if (results.total === 0) {
    return (
      <EmptyState>
        <p className="text-base font-medium text-slate-700" role="status">
          {t("search.none", { q })}
        </p>
        <p className="mt-2">{t("search.noneHint")}</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="search-total">
      <p id="search-total" className="mb-2 text-sm text-slate-600" role="status">
        {t("search.total", { total: results.total })}
      </p>
      <ol className="space-y-3">
        {results.hits.map((hit) => (
          <HitCard key={hit.id} hit={hit} />
        ))}
      </ol>
      {results.pageCount > 1 ? <Pagination page={results.page} pageCount={results.pageCount} total={results.total} /> : null}
    </section>
  );
}
