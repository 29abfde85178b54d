/**
 * Counts must not leak: what TZ and YP users are shown (home, pact list, liaison directory,
 * proposal form, audit log) — every number and every byte — stays the same while XH and ZJ
 * propose, countersign, staff, suspend and resume a pact of their own. ZJ's figures move, which
 * shows the measure is not blind.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { addBodyMember, createJointBody } from "~/modules/pacts/bodies.server";
import { countersignPact, proposePact, resumePact, suspendPact } from "~/modules/pacts/lifecycle.server";
import { todayInChina } from "~/i18n";
import { auditLog } from "~db/schema";
import { getAs, routeArgs, settle } from "../integration/helpers/requests";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { ROUTE_MODULES, type RouteKey, type RouteModule } from "./isolation-routes";
import { DEMO_USERS, type DemoUser } from "./isolation-world";

useDemoData();

const WATCHERS = DEMO_USERS.filter((u) => u.county === "TZ" || u.county === "YP");

async function loaderData(route: RouteKey, username: string, path: string): Promise<any> {
  const out = await settle(Promise.resolve((ROUTE_MODULES[route] as RouteModule).loader!(routeArgs(await getAs(username, path)) as never)));
  return out instanceof Response ? { status: out.status } : out;
}

/**
 * Everything a user's overview pages return. Pages the role may not open are left out: a refusal
 * is itself written to the county's audit log, and would be the change we then measured.
 */
async function viewOf(username: string) {
  const suffix = username.split(".")[1];
  const none = { status: "not asked" };
  return {
    home: await loaderData("_index", username, "/"),
    pacts: await loaderData("pacts._index", username, "/pacts"),
    liaisons: await loaderData("liaisons", username, "/liaisons"),
    proposalForm: suffix === "admin" || suffix === "pl" ? await loaderData("pacts.new", username, "/pacts/new") : none,
    audit: suffix === "admin" ? await loaderData("admin.audit", username, "/admin/audit") : none,
  };
}

type View = Awaited<ReturnType<typeof viewOf>>;
const length = (list: unknown) => (Array.isArray(list) ? list.length : null);

/** The numbers a page shows or that its lists imply. */
function figuresOf(view: View) {
  return {
    activePacts: length(view.home.activePacts),
    awaitingOurSignature: length(view.home.awaitingOurSignature),
    awaitingOthers: length(view.home.awaitingOthers),
    pacts: length(view.pacts.pacts),
    awaitingUs: length(view.pacts.awaitingUs),
    directory: length(view.liaisons.directory),
    partnerChoices: length(view.proposalForm.counties),
    auditTotal: view.audit.total ?? null,
    auditActions: length(view.audit.actions),
  };
}

const seen = new Map<string, View>();
let pactId = 0;

/** Audit entries across the whole portal: proof that the steps did write something. */
const auditSize = () => getDb().select({ id: auditLog.id }).from(auditLog).all().length;
let auditAtStart = 0;

beforeAll(async () => {
  for (const u of WATCHERS) seen.set(u.username, await viewOf(u.username));
  auditAtStart = auditSize();
});

function expectUnchangedFor(stage: string) {
  it.each(WATCHERS)(`$username sees the same figures and the same pages ${stage}`, async (u: DemoUser) => {
    const before = seen.get(u.username)!;
    const now = await viewOf(u.username);
    expect(figuresOf(now)).toEqual(figuresOf(before));
    expect(JSON.stringify(now)).toBe(JSON.stringify(before));
  });
}

const zjFigures = async () => figuresOf(await viewOf("zj.admin"));

describe("an XH–ZJ proposal", () => {
  let zjBefore: ReturnType<typeof figuresOf>;
  beforeAll(async () => {
    zjBefore = await zjFigures();
    const result = proposePact(viewerOf("xh.pl"), {
      title: "新晃—芷江计数测试协议",
      partnerCountyIds: [countyIdOf("ZJ")],
      workflows: ["hazard", "dispute", "patrol"],
      startsOn: todayInChina(),
      endsOn: null,
      articles: "第一条 计数不外泄。",
      liaisonIds: [viewerOf("xh.pl").userId],
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    pactId = result.pactId;
  });

  it("moves ZJ's figures and writes to the audit log", async () => {
    const zj = await zjFigures();
    expect(zj.pacts).toBe(zjBefore.pacts! + 1);
    expect(zj.awaitingOurSignature).toBe(zjBefore.awaitingOurSignature! + 1);
    expect(auditSize()).toBeGreaterThan(auditAtStart);
  });
  expectUnchangedFor("after XH proposes a pact to ZJ");
});

describe("the XH–ZJ pact countersigned", () => {
  let zjBefore: ReturnType<typeof figuresOf>;
  beforeAll(async () => {
    zjBefore = await zjFigures();
    const result = countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [viewerOf("zj.pl").userId] });
    if (!result.ok || result.status !== "active") throw new Error(JSON.stringify(result));
  });

  it("moves ZJ's figures", async () => {
    const zj = await zjFigures();
    expect(zj.activePacts).toBe(zjBefore.activePacts! + 1);
    expect(zj.awaitingOurSignature).toBe(zjBefore.awaitingOurSignature! - 1);
    expect(zj.directory).toBe(zjBefore.directory! + 1);
  });
  expectUnchangedFor("after ZJ countersigns");
});

describe("the XH–ZJ pact staffed, suspended and resumed", () => {
  beforeAll(() => {
    const made = createJointBody(viewerOf("xh.pl"), pactId, {
      kind: "mediation_committee",
      level: "township",
      name: "新晃—芷江计数测试调委会",
      members: [{ userId: viewerOf("xh.mediator").userId, duty: "主任" }],
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const steps = [
      addBodyMember(viewerOf("zj.pl"), pactId, made.bodyId, { userId: viewerOf("zj.mediator").userId, duty: "副主任" }),
      suspendPact(viewerOf("zj.pl"), pactId, { reason: "计数测试" }),
      resumePact(viewerOf("zj.admin"), pactId),
    ];
    for (const step of steps) if (!step.ok) throw new Error(JSON.stringify(step));
  });

  expectUnchangedFor("after XH and ZJ form a body, suspend and resume their pact");
});
