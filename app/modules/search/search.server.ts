/**
 * Search across every record the viewer may see: reference numbers, titles and descriptions,
 * and thread messages (internal notes only for the county that wrote them), Chinese included.
 *
 * The FTS5 trigram table `search_index` (db/migrations/0003_search_index.sql) holds the text.
 * A record matches when every term occurs somewhere in its text the viewer may read; terms of
 * three characters or more are answered by the index (MATCH, quoted phrase), shorter ones by
 * LIKE on the same table (a scan). Visibility is `visibleRecordsFilter` inside the same SQL, for
 * the page and for the count alike: nothing is fetched and then dropped in JavaScript.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { counties, records } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import { visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { recordPath } from "~/modules/records/workflows";
import { buildSnippet, containsPattern, isShortTerm, type Snippet } from "./terms";

export const SEARCH_PAGE_SIZE = 20;

export interface SearchQuery {
  /** Distinct terms (see `searchTerms`); all must occur in the record's readable text. */
  terms: string[];
  workflow?: Workflow;
  status?: string;
  /** Owner county. */
  countyId?: number;
  /** A pact of the viewer's county the record is shared under. */
  pactId?: number;
  /** Created at or after (ms). */
  from?: number;
  /** Created before (ms). */
  to?: number;
  page?: number;
}

/** Where the snippet comes from. */
export type HitSource = "record" | "message" | "internal";

export interface SearchHit {
  id: number;
  refNo: string;
  title: string;
  workflow: Workflow;
  status: string;
  ownerCountyId: number;
  ownerCountyName: string;
  createdAt: number;
  path: string;
  hitIn: HitSource;
  snippet: Snippet;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
}

/** SQL on `search_index`: rows the viewer's county may read (other counties' notes are not). */
function readableIndexRows(viewer: Viewer): SQL {
  return sql`(search_index.internal_county_id is null or search_index.internal_county_id = ${viewer.countyId})`;
}

/** SQL on `search_index`: the row's text contains `term`, literally. */
function termInRow(term: string): SQL {
  if (isShortTerm(term)) return sql`search_index.content like ${containsPattern(term)} escape '\\'`;
  return sql`search_index match ${`"${term.replace(/"/g, '""')}"`}`;
}

/** The WHERE condition on `records` for a query: terms, filters and the access policy. */
export function searchCondition(viewer: Viewer, query: SearchQuery): SQL {
  const conditions: (SQL | undefined)[] = query.terms.map(
    (term) =>
      sql`${records.id} in (select search_index.record_id from search_index
        where ${termInRow(term)} and ${readableIndexRows(viewer)})`,
  );
  if (query.terms.length === 0) conditions.push(sql`0`);
  conditions.push(visibleRecordsFilter(viewer));
  if (query.workflow) conditions.push(eq(records.workflow, query.workflow));
  if (query.status) conditions.push(eq(records.status, query.status));
  if (query.countyId != null) conditions.push(eq(records.ownerCountyId, query.countyId));
  if (query.pactId != null) {
    conditions.push(
      eq(records.pactId, query.pactId),
      sql`exists (select 1 from pact_members fm where fm.pact_id = ${query.pactId} and fm.county_id = ${viewer.countyId})`,
    );
  }
  if (query.from != null) conditions.push(gte(records.createdAt, query.from));
  if (query.to != null) conditions.push(lt(records.createdAt, query.to));
  return and(...conditions)!;
}

/** One page of matching records, newest first, with the total under the very same condition. */
export function searchRecords(viewer: Viewer, query: SearchQuery): SearchPage {
  const db = getDb();
  const where = searchCondition(viewer, query);
  const total = db.select({ n: sql<number>`count(*)` }).from(records).where(where).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount);
  if (total === 0) return { hits: [], total, page, pageCount };
  const rows = db
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      description: records.description,
      workflow: records.workflow,
      status: records.status,
      ownerCountyId: records.ownerCountyId,
      ownerCountyName: counties.name,
      createdAt: records.createdAt,
    })
    .from(records)
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .where(where)
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .all();
  const firstHits = firstHitsOf(viewer, rows.map((r) => r.id), query.terms);
  const hits = rows.map(({ description, ...row }): SearchHit => {
    const first = firstHits.get(row.id);
    const inThread = first != null && first.entryId != null;
    return {
      ...row,
      path: recordPath(row.workflow, row.id),
      hitIn: !inThread ? "record" : first.internal ? "internal" : "message",
      // Reference and title are shown anyway: a hit in the record's own text quotes its description.
      snippet: buildSnippet(inThread ? first.content : description, query.terms),
    };
  });
  return { hits, total, page, pageCount };
}

interface FirstHit {
  content: string;
  entryId: number | null;
  internal: boolean;
}

/**
 * For each record, the first indexed text the viewer may read that contains a term: the record's
 * own text before its thread, then the thread in order. Only rows of records already found
 * through the access policy are asked for, and other counties' notes are excluded in SQL.
 */
function firstHitsOf(viewer: Viewer, recordIds: number[], terms: readonly string[]): Map<number, FirstHit> {
  const found = new Map<number, FirstHit>();
  if (recordIds.length === 0 || terms.length === 0) return found;
  const perTerm = terms.map(
    (term) => sql`select search_index.record_id as record_id, search_index.entry_id as entry_id,
        search_index.content as content, search_index.internal_county_id as internal_county_id
      from search_index
      where ${termInRow(term)} and ${readableIndexRows(viewer)}
        and search_index.record_id in (${sql.join(recordIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  const rows = getDb().all<{ record_id: number; entry_id: number | null; content: string; internal_county_id: number | null }>(
    sql`select record_id, entry_id, content, internal_county_id from (
      select *, row_number() over (partition by record_id order by coalesce(entry_id, 0)) as rn
      from (${sql.join(perTerm, sql` union all `)})
    ) where rn = 1`,
  );
  for (const row of rows) {
    found.set(Number(row.record_id), {
      content: row.content,
      entryId: row.entry_id == null ? null : Number(row.entry_id),
      internal: row.internal_county_id != null,
    });
  }
  return found;
}
