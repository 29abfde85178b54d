import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "~db/schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a service receives inside `db.transaction(...)`; also usable outside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH || path.resolve(process.cwd(), "data/portal.sqlite");
}

/** Opens (creating if needed) and migrates a database file; `:memory:` works too. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Reads at province scale: with SQLite's default 2 MB page cache every index probe of a large
  // database became a system call. A 32 MB cache and 128 MB of the file mapped into memory keep
  // the hot index pages at hand while the process stays well under its memory budget.
  sqlite.pragma("cache_size = -32768");
  sqlite.pragma("mmap_size = 134217728");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

declare global {
  // Kept across module reloads in development so one process holds one connection.
  var __portalDb: Db | undefined;
}

/** The process-wide connection to the portal's database (DATABASE_PATH or data/portal.sqlite). */
export function getDb(): Db {
  if (!globalThis.__portalDb) globalThis.__portalDb = openDatabase(databasePath());
  return globalThis.__portalDb;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement for `source` on the process-wide connection, compiled once and reused:
 * for the few hand-written queries that run on every page, where compiling the SQL cost more
 * than running it.
 */
export function preparedStatement(source: string): Database.Statement {
  const sqlite = getDb().$client;
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(source);
  if (!statement) cache.set(source, (statement = sqlite.prepare(source)));
  return statement;
}

/** Closes the process-wide connection (tests, scripts). */
export function closeDb(): void {
  globalThis.__portalDb?.$client.close();
  globalThis.__portalDb = undefined;
}

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE), so a service's change and its audit
 * entry land together or not at all.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction((tx) => fn(tx), { behavior: "immediate" });
}
