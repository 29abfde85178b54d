/**
 * The tabs above every workflow's list: plain links that change the query string (and go back to
 * the first page), so each filtered view has its own address and works without JavaScript.
 */
import { Link, useSearchParams } from "@remix-run/react";

/** The current query with some parameters replaced (undefined removes them) and the page reset. */
export function useQueryWith() {
  const [params] = useSearchParams();
  return (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(name);
      else next.set(name, value);
    }
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
}

export interface ListTabProps {
  to: string;
  active: boolean;
  label: string;
  /** Shown after the label; omitted for tabs without a count. */
  count?: number;
  /** `alert` stands out while its count is above zero (overdue). */
  tone?: "normal" | "alert";
  testId?: string;
}

export function ListTab({ to, active, label, count, tone = "normal", testId }: ListTabProps) {
  const look = active
    ? "border-brand-600 bg-brand-600 text-white"
    : tone === "alert" && (count ?? 0) > 0
      ? "border-red-300 bg-red-50 text-red-800"
      : "border-slate-300 bg-white text-slate-700";
  return (
    <li>
      <Link
        to={to}
        className={`inline-flex min-h-10 items-center gap-2 rounded-full border px-3 py-1 text-sm ${look}`}
        aria-current={active ? "page" : undefined}
        data-testid={testId}
      >
        {label}
        {count === undefined ? null : (
          <span className="font-semibold" data-testid="tab-count">
            {count}
          </span>
        )}
      </Link>
    </li>
  );
}
