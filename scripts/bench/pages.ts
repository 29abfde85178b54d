/**
 * The pages the benchmark drives, for the portal and for the two baselines: each request walks
 * the benchmark counties in turn, signed in as a user of the right role.
 */
import Database from "better-sqlite3";
import type { Step } from "./load";
import type { ServerKind } from "./servers";

export const PAGES = ["inbox", "list", "record", "search", "stats", "post"] as const;
export type Page = (typeof PAGES)[number];

export interface BenchCounty {
  id: number;
  shortCode: string;
  pactId: number;
  threadRecordId: number;
  users: string[];
  searchTerm: string;
}

export interface Manifest {
  password: string;
  counties: BenchCounty[];
  scale: { records: number; threadEntries: number };
}

const role = (c: BenchCounty, suffix: string) => `${c.shortCode.toLowerCase()}.${suffix}`;

/** The users each page signs in as. */
export function usersOf(manifest: Manifest): string[] {
  return manifest.counties.flatMap((c) => [role(c, "pl"), role(c, "police"), role(c, "leader")]);
}

/** A hazard of each benchmark county to post messages to (not the long thread, which stays 200). */
export function writeTargets(databasePath: string, manifest: Manifest): Map<number, number> {
  const db = new Database(databasePath, { readonly: true });
  const targets = new Map<number, number>();
  for (const c of manifest.counties) {
    const row = db
      .prepare("select id from records where owner_county_id = ? and workflow = 'hazard' and pact_id is not null and id <> ? order by id desc limit 1")
      .get(c.id, c.threadRecordId) as { id: number };
    targets.set(c.id, row.id);
  }
  db.close();
  return targets;
}

interface Request {
  user: string;
  /** The portal's path. */
  path: string;
  /** The baseline's page and query. */
  baseline: string;
  post?: string;
}

function requestsOf(page: Page, c: BenchCounty, target: number): Request[] {
  const q = encodeURIComponent(c.searchTerm);
  switch (page) {
    case "inbox":
      return [{ user: role(c, "pl"), path: "/inbox", baseline: "inbox?" }];
    case "list":
      return [{ user: role(c, "police"), path: "/hazards?status=rectifying", baseline: "list?status=rectifying" }];
    case "record":
      return [{ user: role(c, "pl"), path: `/hazards/${c.threadRecordId}`, baseline: `record?id=${c.threadRecordId}` }];
    case "search":
      return [{ user: role(c, "pl"), path: `/search?q=${q}`, baseline: `search?q=${q}` }];
    case "stats":
      return [{ user: role(c, "leader"), path: `/stats?pact=${c.pactId}&period=year`, baseline: `stats?pact=${c.pactId}&period=year` }];
    case "post":
      return [{ user: role(c, "pl"), path: `/hazards/${target}`, baseline: `record?id=${target}` }];
  }
}

/**
 * The steps of `page` on a server: for the portal, signed-in page requests; for the baselines,
 * the same rows by user name. `post` reads the record page nine times and posts once.
 */
export function stepsOf(page: Page, kind: ServerKind, base: string, manifest: Manifest, cookies: Map<string, string>, targets: Map<number, number>): Step[] {
  const steps: Step[] = [];
  const rounds = page === "post" ? 3 : 1;
  for (let round = 0; round < rounds; round++) {
    for (const c of manifest.counties) {
      for (const r of requestsOf(page, c, targets.get(c.id)!)) {
        const sep = r.baseline.endsWith("?") ? "" : "&";
        steps.push(
          kind === "portal"
            ? { method: "GET", path: r.path, headers: { Cookie: cookies.get(r.user)! } }
            : { method: "GET", path: `/bench-baseline/${r.baseline}${sep}as=${r.user}`, headers: {} },
        );
      }
    }
  }
  if (page === "post") {
    // 9 reads, then 1 write (a 90/10 mix), by the first county's user.
    const c = manifest.counties[0];
    const target = targets.get(c.id)!;
    const body = new URLSearchParams({ intent: "thread", body: "已收到，我方明天派员到现场核实。" }).toString();
    const headers = { Origin: base, "Content-Type": "application/x-www-form-urlencoded" };
    steps.push(
      kind === "portal"
        ? { method: "POST", path: `/hazards/${target}`, headers: { ...headers, Cookie: cookies.get(role(c, "pl"))! }, body }
        : { method: "POST", path: `/bench-baseline/post?id=${target}&as=${role(c, "pl")}`, headers, body },
    );
  }
  return steps;
}
