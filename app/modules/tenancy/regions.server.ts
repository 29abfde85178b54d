/**
 * The four-level network below a county (县 → 乡镇/街道 → 村/社区 → 微网格). Every query is scoped
 * by the viewer's own county in SQL; every change is written with its audit entry in one
 * transaction.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { jointBodies, records, regions } from "~db/schema";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { sqliteErrorCode } from "~/modules/db/errors";
import { actorOf, recordDenial } from "./users.server";

export type RegionLevel = (typeof regions.$inferSelect)["level"];
export const REGION_LEVELS: readonly RegionLevel[] = ["township", "village", "micro_grid"];

/** The level of a new node under `parentLevel` (none: a township/street); null when none may be added. */
export function childLevelOf(parentLevel: RegionLevel | null): RegionLevel | null {
  if (parentLevel === null) return "township";
  if (parentLevel === "township") return "village";
  if (parentLevel === "village") return "micro_grid";
  return null;
}

export interface RegionNode {
  id: number;
  parentId: number | null;
  level: RegionLevel;
  name: string;
  isBorder: boolean;
  /** 0 for a township, 1 for a village, 2 for a micro-grid. */
  depth: number;
  childCount: number;
}

const regionColumns = {
  id: regions.id,
  parentId: regions.parentId,
  level: regions.level,
  name: regions.name,
  isBorder: regions.isBorder,
  updatedAt: regions.updatedAt,
};

/** The county's whole tree, flattened in display order (each node followed by its children). */
export function listCountyRegions(viewer: Viewer): RegionNode[] {
  const rows = getDb()
    .select(regionColumns)
    .from(regions)
    .where(eq(regions.countyId, viewer.countyId))
    .orderBy(asc(regions.id))
    .all();
  const childrenOf = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const list = childrenOf.get(row.parentId) ?? [];
    list.push(row);
    childrenOf.set(row.parentId, list);
  }
  const ordered: RegionNode[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const row of childrenOf.get(parentId) ?? []) {
      const { updatedAt: _u, ...node } = row;
      ordered.push({ ...node, depth, childCount: childrenOf.get(row.id)?.length ?? 0 });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

function findCountyRegion(tx: Tx, viewer: Viewer, regionId: number) {
  return tx
    .select(regionColumns)
    .from(regions)
    .where(and(eq(regions.id, regionId), eq(regions.countyId, viewer.countyId)))
    .get();
}

/**
 * Records the attempt to reach a node outside the viewer's county, whether it exists elsewhere or
 * not at all, so the audit log does not tell which.
 */
function noteForeignRegion(viewer: Viewer, regionId: number) {
  recordDenial(viewer, "region", regionId);
}

/**
 * One node of the viewer's own county with its ancestors (top first) and children; null for a
 * node of another county or none at all (the caller answers 404 for both).
 */
export function getCountyRegion(viewer: Viewer, regionId: number) {
  const db = getDb();
  const region = findCountyRegion(db, viewer, regionId);
  if (!region) {
    noteForeignRegion(viewer, regionId);
    return null;
  }
  const ancestors: { id: number; name: string; level: RegionLevel }[] = [];
  for (let parentId = region.parentId; parentId !== null; ) {
    const parent = findCountyRegion(db, viewer, parentId);
    if (!parent) break;
    ancestors.unshift({ id: parent.id, name: parent.name, level: parent.level });
    parentId = parent.parentId;
  }
  const children = db
    .select({ id: regions.id, name: regions.name, level: regions.level, isBorder: regions.isBorder })
    .from(regions)
    .where(and(eq(regions.parentId, regionId), eq(regions.countyId, viewer.countyId)))
    .orderBy(asc(regions.id))
    .all();
  return { ...region, ancestors, children };
}

export type RegionRefusal =
  | "not_found"
  | "duplicate_name"
  | "parent_is_micro_grid"
  | "has_children"
  | "in_use";
export type RegionResult = { ok: true; id: number } | { ok: false; reason: RegionRefusal };

/** Runs a change; a unique or foreign-key violation becomes a refusal instead of an error. */
function refusingConstraints(
  change: () => RegionResult,
  onUnique: RegionRefusal,
  onForeignKey: RegionRefusal = "in_use",
): RegionResult {
  try {
    return change();
  } catch (error) {
    const code = sqliteErrorCode(error);
    if (code === "SQLITE_CONSTRAINT_UNIQUE") return { ok: false, reason: onUnique };
    if (code === "SQLITE_CONSTRAINT_FOREIGNKEY") return { ok: false, reason: onForeignKey };
    throw error;
  }
}

function siblingNamed(tx: Tx, viewer: Viewer, parentId: number | null, name: string, exceptId?: number) {
  const row = tx
    .select({ id: regions.id })
    .from(regions)
    .where(
      and(
        eq(regions.countyId, viewer.countyId),
        sql`coalesce(${regions.parentId}, 0) = ${parentId ?? 0}`,
        eq(regions.name, name),
      ),
    )
    .get();
  return row && row.id !== exceptId ? row : undefined;
}

export interface NewRegionInput {
  name: string;
  parentId: number | null;
  isBorder: boolean;
}

/** Adds a node; its level follows from the parent (none → township, township → village, village → micro-grid). */
export function createRegion(viewer: Viewer, input: NewRegionInput): RegionResult {
  const result = refusingConstraints(
    () =>
      writeTransaction((tx): RegionResult => {
        const parent = input.parentId === null ? null : findCountyRegion(tx, viewer, input.parentId);
        if (input.parentId !== null && !parent) return { ok: false, reason: "not_found" };
        const level = childLevelOf(parent?.level ?? null);
        if (!level) return { ok: false, reason: "parent_is_micro_grid" };
        if (siblingNamed(tx, viewer, input.parentId, input.name)) return { ok: false, reason: "duplicate_name" };
        const now = Date.now();
        const { id } = tx
          .insert(regions)
          .values({
            countyId: viewer.countyId,
            parentId: input.parentId,
            level,
            name: input.name,
            isBorder: input.isBorder,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: regions.id })
          .get();
        appendAudit(tx, actorOf(viewer), {
          action: "region.create",
          entityType: "region",
          entityId: id,
          after: { name: input.name, level, parentId: input.parentId, isBorder: input.isBorder },
        });
        return { ok: true, id };
      }),
    "duplicate_name",
  );
  if (!result.ok && result.reason === "not_found" && input.parentId !== null) {
    noteForeignRegion(viewer, input.parentId);
  }
  return result;
}

export interface RegionChangeInput {
  name: string;
  isBorder: boolean;
}

/** Renames a node and sets or clears its border-area (接边) flag. */
export function updateRegion(viewer: Viewer, regionId: number, input: RegionChangeInput): RegionResult {
  return refusingConstraints(
    () =>
      writeTransaction((tx): RegionResult => {
        const region = findCountyRegion(tx, viewer, regionId);
        if (!region) return { ok: false, reason: "not_found" };
        if (siblingNamed(tx, viewer, region.parentId, input.name, regionId)) {
          return { ok: false, reason: "duplicate_name" };
        }
        const before = { name: region.name, isBorder: region.isBorder };
        if (before.name === input.name && before.isBorder === input.isBorder) return { ok: true, id: regionId };
        tx.update(regions)
          .set({ name: input.name, isBorder: input.isBorder, updatedAt: Date.now() })
          .where(and(eq(regions.id, regionId), eq(regions.countyId, viewer.countyId)))
          .run();
        appendAudit(tx, actorOf(viewer), {
          action: "region.update",
          entityType: "region",
          entityId: regionId,
          before,
          after: { name: input.name, isBorder: input.isBorder },
        });
        return { ok: true, id: regionId };
      }),
    "duplicate_name",
  );
}

/** How many records and joint bodies point at a node. */
function referencesTo(tx: Tx, regionId: number): number {
  const count = (table: typeof records | typeof jointBodies) =>
    tx.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.regionId, regionId)).get()!.n;
  return count(records) + count(jointBodies);
}

/** Deletes a node without children that nothing refers to. */
export function deleteRegion(viewer: Viewer, regionId: number): RegionResult {
  return refusingConstraints(
    () =>
      writeTransaction((tx): RegionResult => {
        const region = findCountyRegion(tx, viewer, regionId);
        if (!region) return { ok: false, reason: "not_found" };
        const children = tx
          .select({ n: sql<number>`count(*)` })
          .from(regions)
          .where(eq(regions.parentId, regionId))
          .get()!.n;
        if (children > 0) return { ok: false, reason: "has_children" };
        if (referencesTo(tx, regionId) > 0) return { ok: false, reason: "in_use" };
        tx.delete(regions)
          .where(and(eq(regions.id, regionId), eq(regions.countyId, viewer.countyId)))
          .run();
        appendAudit(tx, actorOf(viewer), {
          action: "region.delete",
          entityType: "region",
          entityId: regionId,
          before: { name: region.name, level: region.level, parentId: region.parentId, isBorder: region.isBorder },
        });
        return { ok: true, id: regionId };
      }),
    "duplicate_name",
  );
}
