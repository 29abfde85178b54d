/**
 * The baselines of the benchmark: each page's main query alone — the same module function the
 * page calls, for the same user and the same parameters — and the rows as a bare HTML table.
 * The bare Remix route (baseline-route.tsx, added by remix.config.js) and the plain node:http server
 * (scripts/bench/plain-server.ts) both answer through `answerBaseline`, so they serve the same
 * rows; what the product pages add on top (session, layout, counts, filters, rendering) is what
 * the ratio measures.
 */
import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { listHazards } from "~/modules/hazards/list.server";
import { filtersFromUrl } from "~/modules/hazards/schemas";
import { inboxBadgeCount, inboxChangedSince } from "~/modules/records/inbox-badge.server";
import { inboxFor } from "~/modules/records/inbox.server";
import { listThread, postThreadEntry } from "~/modules/records/thread.server";
import { searchRecords } from "~/modules/search/search.server";
import { searchTerms } from "~/modules/search/terms";
import { pactFigures } from "~/modules/stats/figures.server";
import { periodOf } from "~/modules/stats/period";
import { loadViewerIdentity } from "~/modules/tenancy/users.server";
import { todayInChina } from "~/i18n";

export const BASELINE_PAGES = ["inbox", "list", "record", "search", "stats", "post"] as const;
export type BaselinePage = (typeof BASELINE_PAGES)[number];

const viewers = new Map<string, Viewer>();

/** The benchmark user named by `as` (a username), looked up once per process. */
function viewerOf(username: string): Viewer | null {
  const known = viewers.get(username);
  if (known) return known;
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  const identity = row && loadViewerIdentity(row.id);
  if (!identity) return null;
  const { disabled: _disabled, ...rest } = identity;
  const viewer: Viewer = { ...rest, sessionId: "baseline", ip: "127.0.0.1" };
  viewers.set(username, viewer);
  return viewer;
}

function escape(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function table(rows: readonly object[]): string {
  const body = rows
    .map((row) => `<tr>${Object.values(row).map((v) => `<td>${escape(typeof v === "object" ? JSON.stringify(v) : v)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<!doctype html><meta charset="utf-8"><table>\n${body}\n</table>`;
}

function rowsOf(page: BaselinePage, viewer: Viewer, url: URL, form: URLSearchParams | null): object[] | null {
  switch (page) {
    case "inbox": {
      // The list as the page reads it: from the viewer's unread floor, which the page's own badge
      // count keeps (counted here only when no floor is known, as the page would).
      if (inboxChangedSince(viewer) === 0) inboxBadgeCount(viewer);
      return inboxFor(viewer, Date.now(), inboxChangedSince(viewer));
    }
    case "list":
      return listHazards(viewer, filtersFromUrl(url)).items;
    case "search":
      return searchRecords(viewer, { terms: searchTerms(url.searchParams.get("q") ?? "") }).hits;
    case "stats": {
      const period = periodOf(url.searchParams, todayInChina()).period;
      const figures = period && pactFigures(viewer, Number(url.searchParams.get("pact")), period);
      return figures ? [figures] : null;
    }
    case "record":
    case "post": {
      const record = findVisibleRecord(viewer, Number(url.searchParams.get("id")));
      if (!record) return null;
      if (form) postThreadEntry(viewer, record, { body: form.get("body") ?? "", internal: false });
      return listThread(viewer, record);
    }
  }
}

/**
 * The answer of a baseline for `page`: the user in `?as=`, the page's parameters in the query
 * string, for `post` a form body with the message. 404 when the user or the record is unknown.
 */
export function answerBaseline(page: string, url: URL, form: URLSearchParams | null): { status: number; html: string } {
  if (!(BASELINE_PAGES as readonly string[]).includes(page)) return { status: 404, html: "Not Found" };
  const viewer = viewerOf(url.searchParams.get("as") ?? "");
  if (!viewer) return { status: 404, html: "Not Found" };
  const rows = rowsOf(page as BaselinePage, viewer, url, form);
  if (!rows) return { status: 404, html: "Not Found" };
  return { status: 200, html: table(rows) };
}

/** Baselines answer only when the process was started with BENCH_BASELINE=1. */
export function baselineEnabled(): boolean {
  return process.env.BENCH_BASELINE === "1";
}
