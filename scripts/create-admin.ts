/**
 * Sets up a real deployment without demo data: creates a county (if its code is new) and its
 * first administrator, who then creates everyone else in the portal.
 *
 *   ADMIN_PASSWORD='…' npm run create-admin -- --county 新晃侗族自治县 --code 431229 \
 *     --province 湖南省 --short XH --username xh.admin --name 杨志明 [--second-factor on|off]
 *
 * `--second-factor` (default `on`) decides, for a county this creates, whether its administrators,
 * police liaisons and political-legal staff must sign in with a second factor; the first
 * administrator then sets it up right after the first password. An existing county keeps its
 * setting (its administrators change it on the portal's two-step verification page).
 *
 * Run it before the first `npm start`: a database that already holds a county is never filled
 * with demo data.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { counties, userRoles, users } from "../db/schema";
import { appendAudit } from "../app/modules/audit/log.server";
import { hashPassword } from "../app/modules/auth/password.server";
import { passwordProblem } from "../app/modules/auth/password-policy.server";
import { translator } from "../app/i18n";
import { translateIssue } from "../app/modules/forms/validation";
import { closeDb, databasePath, getDb } from "../app/modules/db/connection.server";

const { values } = parseArgs({
  options: {
    county: { type: "string" },
    code: { type: "string" },
    province: { type: "string" },
    short: { type: "string" },
    username: { type: "string" },
    name: { type: "string" },
    "second-factor": { type: "string", default: "on" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { county, code, province, short, username, name } = values;
if (!county || !code || !province || !short || !username || !name) {
  fail("Usage: ADMIN_PASSWORD=… npm run create-admin -- --county 名称 --code 431229 --province 湖南省 --short XH --username xh.admin --name 姓名");
}
if (!/^\d{6}$/.test(code)) fail("--code must be the 6-digit administrative division code");
if (!/^[A-Z]{2,4}$/.test(short)) fail("--short must be 2-4 capital letters, e.g. XH");
if (!/^[a-z0-9._-]{3,32}$/.test(username)) fail("--username: 3-32 lowercase letters, digits, . _ -");
if (!username.startsWith(`${short.toLowerCase()}.`)) fail(`--username must start with ${short.toLowerCase()}. (one namespace per county)`);
const secondFactor = values["second-factor"];
if (secondFactor !== "on" && secondFactor !== "off") fail("--second-factor must be on or off");
const password = process.env.ADMIN_PASSWORD ?? "";
const problem = await passwordProblem(password, { username, countyName: county });
if (problem) fail(`ADMIN_PASSWORD: ${translateIssue(problem, translator("en"))}`);

const passwordHash = await hashPassword(password);
const db = getDb();
const now = Date.now();
db.transaction(
  (tx) => {
    if (tx.select().from(users).where(eq(users.username, username)).get()) fail(`User ${username} already exists`);
    let row = tx.select().from(counties).where(eq(counties.code, code)).get();
    if (!row) {
      const secondFactorRequired = secondFactor === "on";
      row = tx.insert(counties).values({ name: county, code, province, shortCode: short, createdAt: now, secondFactorRequired }).returning().get();
      appendAudit(tx, { userId: null, name: "system", countyId: row.id }, {
        action: "county.create", entityType: "county", entityId: row.id, after: { name: county, code, province, shortCode: short, secondFactorRequired },
      });
    }
    const id = randomUUID();
    tx.insert(users).values({ id, countyId: row.id, username, displayName: name, passwordHash, createdAt: now, updatedAt: now }).run();
    tx.insert(userRoles).values({ userId: id, role: "county_admin" }).run();
    appendAudit(tx, { userId: null, name: "system", countyId: row.id }, {
      action: "user.create", entityType: "user", entityId: id, after: { username, displayName: name, roles: ["county_admin"] },
    });
  },
  { behavior: "immediate" },
);
closeDb();
console.log(`Created ${username} (county_admin of ${county}) in ${databasePath()}`);
if (secondFactor === "on") console.log("Two-step verification is required: the administrator sets it up after the first password.");
