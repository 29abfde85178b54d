/**
 * A workflow's lists use `visibleRecordsOf(viewer, workflow)`, which reads only that workflow's
 * addressed records. It must select exactly what the general policy selects for the workflow, for
 * every demo user; and every addressee row must carry its record's workflow, however it was written.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { records } from "~db/schema";
import { WORKFLOWS } from "~/modules/access/capabilities";
import { visibleRecordsFilter, visibleRecordsOf } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { insertRecord, pactIdBetween } from "../setup/records";

useDemoData();

const USERS = ["xh", "tz", "yp", "zj"].flatMap((c) => ["admin", "pl", "police", "mediator", "grid", "leader"].map((s) => `${c}.${s}`));

const ids = (where: ReturnType<typeof visibleRecordsFilter>) =>
  getDb().select({ id: records.id }).from(records).where(where).orderBy(records.id).all().map((r) => r.id);

describe("the access policy for one workflow", () => {
  it("every addressee row carries its record's workflow, the demo's and one added by hand", () => {
    const added = insertRecord({ owner: "XH", workflow: "notice", pactId: pactIdBetween("XH", "TZ"), addressees: ["TZ"] });
    const sqlite = getDb().$client;
    expect(sqlite.prepare("select workflow from record_addressees where record_id = ?").pluck().all(added)).toEqual(["notice"]);
    const rows = sqlite.prepare("select count(*) from record_addressees").pluck().get() as number;
    expect(rows).toBeGreaterThan(10);
    const mismatched = sqlite
      .prepare("select count(*) from record_addressees ra join records r on r.id = ra.record_id where ra.workflow is not r.workflow")
      .pluck()
      .get();
    expect(mismatched).toBe(0);
  });

  it("selects, for every demo user and workflow, exactly the records the general policy does", () => {
    let compared = 0;
    for (const username of USERS) {
      const viewer = viewerOf(username);
      for (const workflow of WORKFLOWS) {
        const general = ids(and(eq(records.workflow, workflow), visibleRecordsFilter(viewer))!);
        expect(ids(visibleRecordsOf(viewer, workflow)), `${username} ${workflow}`).toEqual(general);
        compared += general.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
