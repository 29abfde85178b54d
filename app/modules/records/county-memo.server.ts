/**
 * Figures a county's pages show again and again while nothing changed — a workflow list's tab
 * counts — remembered between requests and computed again only when they may have changed: after
 * a write to a record of the county or one that is not to a record (county-changes.server.ts), on
 * a new day, or once a minute old (deadlines pass with time alone, as for the menu badge).
 *
 * A value is shared by the county's viewers with the same roles (they see the same records). The
 * caller's `params` must hold everything else the value depends on — the filters, and the user's
 * id when a filter names the user ("mine").
 */
import type { Viewer } from "~/modules/auth/viewer";
import { todayInChina } from "~/i18n";
import { changeMarksOf, rememberedStore } from "./county-changes.server";

/** Values remembered at most; the oldest are forgotten first. */
const MAX_VALUES = 20_000;

const remembered = rememberedStore<{ value: unknown; signature: string; at: number }>(MAX_VALUES);

export function rememberedForCounty<T>(viewer: Viewer, name: string, params: unknown, compute: () => T, now = Date.now()): T {
  const key = JSON.stringify([name, viewer.countyId, [...viewer.roles].sort(), params]);
  const marks = changeMarksOf(viewer.countyId);
  const signature = `${marks.everyone}|${marks.county}|${todayInChina(now)}`;
  const hit = remembered.fresh(key, signature, now);
  if (hit) return hit.value as T;
  const value = compute();
  remembered.set(key, { value, signature, at: now });
  return value;
}

/** A list's filters as memo params: the page left out (counts never depend on it), the user added for "mine". */
export function listCountParams(viewer: Viewer, filters: { page?: unknown; mine?: boolean }): unknown {
  const { page: _page, ...rest } = filters;
  return { ...rest, user: filters.mine ? viewer.userId : null };
}
