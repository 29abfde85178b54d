import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** "第 2 / 5 页" with previous and next links that keep the current query (filters). */
export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const t = useT();
  const location = useLocation();
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50";
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2" aria-label={t("list.page", { page, pages: pageCount, total })}>
      <p className="text-sm text-slate-600">{t("list.page", { page, pages: pageCount, total })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link to={hrefFor(page - 1)} className={link} rel="prev">
            {t("list.prev")}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link to={hrefFor(page + 1)} className={link} rel="next">
            {t("list.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
