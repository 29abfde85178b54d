import { eq } from "drizzle-orm";
import { beforeAll } from "vitest";
import { counties } from "~db/schema";
import { seedDemoData } from "~db/seed/seed.server";
import { getDb } from "~/modules/db/connection.server";
import { loadViewerIdentity, findUserByUsername } from "~/modules/tenancy/users.server";
import type { Viewer } from "~/modules/auth/viewer";

/** Seeds the demo world once for the calling test file. */
export function useDemoData() {
  beforeAll(async () => {
    await seedDemoData(getDb());
  });
}

/** The Viewer a demo user would be after signing in (e.g. `viewerOf("xh.pl")`). */
export function viewerOf(username: string): Viewer {
  const user = findUserByUsername(username);
  if (!user) throw new Error(`no demo user ${username}`);
  const identity = loadViewerIdentity(user.id)!;
  const { disabled: _d, ...rest } = identity;
  return { ...rest, sessionId: "test-session", ip: "127.0.0.1" };
}

export function countyIdOf(shortCode: string): number {
  return getDb().select().from(counties).where(eq(counties.shortCode, shortCode)).get()!.id;
}
