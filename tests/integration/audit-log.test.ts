import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { appendAudit, recordAuditEvent, verifyAuditChain } from "~/modules/audit/log.server";
import { getDb } from "~/modules/db/connection.server";
import { useDemoData, viewerOf } from "../setup/demo";

useDemoData();

function addEntries(n: number) {
  const viewer = viewerOf("xh.admin");
  for (let i = 0; i < n; i++) {
    recordAuditEvent(
      { userId: viewer.userId, name: viewer.displayName, countyId: viewer.countyId },
      { action: "test.entry", entityType: "test", entityId: i, before: { i }, after: { i: i + 1 } },
    );
  }
}

describe("audit log", () => {
  it("records who, county, what, when (UTC ms), before and after", () => {
    const viewer = viewerOf("tz.admin");
    const t0 = Date.now();
    getDb().transaction((tx) =>
      appendAudit(tx, { userId: viewer.userId, name: viewer.displayName, countyId: viewer.countyId, ip: "10.0.0.5" }, {
        action: "user.update", entityType: "user", entityId: "u-1", before: { title: "甲" }, after: { title: "乙" },
      }),
    );
    const row = getDb().select().from(auditLog).orderBy(sql`id desc`).limit(1).get()!;
    expect(row).toMatchObject({
      actorUserId: viewer.userId,
      actorName: viewer.displayName,
      countyId: viewer.countyId,
      action: "user.update",
      entityId: "u-1",
      ip: "10.0.0.5",
    });
    expect(JSON.parse(row.before!)).toEqual({ title: "甲" });
    expect(JSON.parse(row.after!)).toEqual({ title: "乙" });
    expect(row.at).toBeGreaterThanOrEqual(t0);
  });

  it("the database itself refuses UPDATE and DELETE", () => {
    addEntries(2);
    const client = getDb().$client;
    expect(() => client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => client.prepare("DELETE FROM audit_log WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });

  it("each entry carries the hash of the one before, and the chain verifies", () => {
    addEntries(3);
    const rows = getDb().select().from(auditLog).orderBy(auditLog.id).all();
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(verifyAuditChain()).toEqual({ ok: true, checked: rows.length });
  });

  it("a changed entry breaks the chain at that entry", () => {
    addEntries(4);
    const client = getDb().$client;
    const target = client.prepare("SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET 2").get() as { id: number };
    // Someone with the database file can drop the trigger; the chain still shows the change.
    const original = client.prepare("SELECT after FROM audit_log WHERE id = ?").get(target.id) as { after: string };
    const setAfter = (value: string) => {
      client.exec("DROP TRIGGER audit_log_no_update");
      client.prepare("UPDATE audit_log SET after = ? WHERE id = ?").run(value, target.id);
      client.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    };
    setAfter('{"i":999}');
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenAt: target.id });
    setAfter(original.after);
    expect(verifyAuditChain().ok).toBe(true);
  });

  it("a removed entry is detected at the entry after the gap", () => {
    addEntries(3);
    const client = getDb().$client;
    const ids = (client.prepare("SELECT id FROM audit_log ORDER BY id DESC LIMIT 3").all() as { id: number }[]).map((r) => r.id);
    client.exec("DROP TRIGGER audit_log_no_delete");
    client.prepare("DELETE FROM audit_log WHERE id = ?").run(ids[1]);
    client.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenAt: ids[0] });
  });
});
