/**
 * Records of the six workflows over five years, with the detail rows each workflow's pages read,
 * addressees, and threads of messages, internal notes and status events.
 */
import type Database from "better-sqlite3";
import type { Role, Workflow } from "../../app/modules/access/capabilities";
import { WORKFLOW_CODES } from "../../app/modules/records/workflows";
import { description, internalNote, messageBody, personName, TITLES, type Random } from "./words";
import { DAY_MS, type County, type Pact, type World } from "./world";

/** Status → the steps taken from the initial status to reach it. */
const PATHS: Record<Workflow, { initial: string; open: Record<string, string[]>; closed: Record<string, string[]> }> = {
  hazard: {
    initial: "reported",
    open: { reported: [], verifying: ["verify"], rectifying: ["verify", "rectify"] },
    closed: { eliminated: ["verify", "rectify", "eliminate"], dismissed: ["dismiss"] },
  },
  dispute: {
    initial: "registered",
    open: { registered: [], assessing: ["assess"], mediating: ["assess", "mediate"], stabilised: ["assess", "stabilise"] },
    closed: { resolved: ["assess", "mediate", "resolve"], failed: ["assess", "mediate", "fail"], followed_up: ["assess", "mediate", "resolve", "follow_up"] },
  },
  notice: {
    initial: "sent",
    open: { sent: [], in_progress: ["sign"] },
    closed: { concluded: ["sign", "report_result", "conclude"], cancelled: ["cancel"] },
  },
  patrol: {
    initial: "planned",
    open: { planned: [], in_progress: ["start"] },
    closed: { completed: ["start", "complete"], cancelled: ["cancel"] },
  },
  meeting: { initial: "scheduled", open: { scheduled: [] }, closed: { held: ["hold"], cancelled: ["cancel"] } },
  project: {
    initial: "proposed",
    open: { proposed: [], active: ["activate"], suspended: ["activate", "suspend"] },
    closed: { completed: ["activate", "complete"] },
  },
};

/** Share of each workflow among the records. */
const MIX: [Workflow, number][] = [["hazard", 0.28], ["dispute", 0.22], ["notice", 0.15], ["patrol", 0.25], ["meeting", 0.04], ["project", 0.06]];
/** Workflows whose records always go to a partner county. */
const SHARED_ONLY = new Set<Workflow>(["notice", "patrol", "meeting", "project"]);
/** Who opens and handles records of each workflow. */
const HANDLERS: Record<Workflow, Role[]> = {
  hazard: ["grid_worker", "police_liaison", "pl_staff"],
  dispute: ["mediator", "grid_worker", "pl_staff"],
  notice: ["police_liaison"],
  patrol: ["police_liaison", "pl_staff"],
  meeting: ["pl_staff"],
  project: ["pl_staff"],
};

export interface RecordOptions {
  records: number;
  entries: number;
  start: number;
  now: number;
}

export interface Plan {
  recordId: number;
  ownerCountyId: number;
  entries: number;
}

function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function statements(sqlite: Database.Database) {
  const p = (sql: string) => sqlite.prepare(sql);
  return {
    record: p(`insert into records (owner_county_id, pact_id, workflow, status, ref_no, title, description, region_id, place_text,
      police_only, due_at, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    addressee: p("insert into record_addressees (record_id, county_id, workflow) values (?, ?, ?)"),
    entry: p(`insert into thread_entries (record_id, kind, author_user_id, author_county_id, author_roles, body, event_action,
      from_status, to_status, payload, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    hazard: p(`insert into hazard_details (record_id, category, severity, source, responsible_county_id, measures, deadline, sweep_id)
      values (?, ?, ?, ?, ?, ?, ?, null)`),
    dispute: p(`insert into dispute_details (record_id, type, lead_county_id, committee_id, people_involved, amount_involved,
      escalation_risk, outcome_at, referral_kind, referral_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    party: p("insert into dispute_parties (record_id, name, county_id, village, phone, id_number, position) values (?, ?, ?, ?, ?, '', ?)"),
    notice: p(`insert into notice_details (record_id, kind, urgency, incident_at, crime_category, suspects, property, request,
      handling_code, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    receipt: p(`insert into notice_receipts (record_id, county_id, sign_deadline, signed_by, signed_at, result, suspects_caught,
      items_recovered, result_note, result_by, result_at) values (?, ?, ?, ?, ?, ?, 0, 0, '', ?, ?)`),
    patrol: p(`insert into patrol_details (record_id, team_id, kind, patrol_on, planned_start, planned_end, route, started_at, ended_at,
      people_checked, vehicles_checked, summary) values (?, ?, ?, ?, '08:30', '12:00', ?, ?, ?, ?, ?, ?)`),
    participant: p("insert into patrol_participants (record_id, user_id, county_id) values (?, ?, ?)"),
    meeting: p(`insert into meeting_details (record_id, level, host_county_id, starts_at, other_attendees, minutes, held_at)
      values (?, ?, ?, ?, '', ?, ?)`),
    attendee: p("insert into meeting_attendees (record_id, user_id, county_id) values (?, ?, ?)"),
    project: p(`insert into project_details (record_id, field, starts_on, ends_on, budget, contributions, completed_at)
      values (?, ?, ?, ?, ?, ?, ?)`),
  };
}
type Statements = ReturnType<typeof statements>;

function pickWorkflow(random: Random): Workflow {
  let roll = random.next();
  for (const [w, share] of MIX) if ((roll -= share) < 0) return w;
  return "hazard";
}

function userOf(county: County, roles: Role[], random: Random): string {
  const ids = county.usersByRole.get(random.pick(roles)) ?? county.usersByRole.get("pl_staff")!;
  return random.pick(ids);
}

/**
 * Writes record number `index` of `count` (ids grow with time) and its thread of `entryCount`
 * entries. Returns what was written.
 */
export function writeRecord(
  s: Statements,
  world: World,
  random: Random,
  sequences: Map<string, number>,
  at: number,
  now: number,
  entryCount: number,
  forced?: { owner: County; workflow: Workflow; pact: Pact },
): Plan {
  const owner = forced?.owner ?? random.pick(world.counties);
  let workflow = forced?.workflow ?? pickWorkflow(random);
  const usable = owner.pacts.filter((p) => p.workflows.has(workflow) && (p.active || random.chance(0.05)));
  let pact: Pact | null = forced?.pact ?? (usable.length && (SHARED_ONLY.has(workflow) || random.chance(0.7)) ? random.pick(usable) : null);
  if (!pact && SHARED_ONLY.has(workflow)) workflow = "hazard";
  const partner = pact ? world.counties.find((c) => c.id === (pact!.members[0] === owner.id ? pact!.members[1] : pact!.members[0]))! : null;
  const paths = PATHS[workflow];
  const ageDays = (now - at) / DAY_MS;
  const closedShare = ageDays > 120 ? 0.93 : ageDays > 30 ? 0.6 : 0.15;
  const pool = random.chance(closedShare) ? paths.closed : paths.open;
  const status = forced ? "rectifying" : random.pick(Object.keys(pool));
  const steps = pool[status] ?? ["verify", "rectify"];
  const year = new Date(at + 8 * 3_600_000).getUTCFullYear();
  const key = `${owner.id}|${workflow}|${year}`;
  const sequence = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, sequence);
  const refNo = `${owner.shortCode}-${WORKFLOW_CODES[workflow]}-${year}-${String(sequence).padStart(4, "0")}`;
  const village = random.pick(owner.villages);
  const title = `${village.name}${random.pick(TITLES[workflow])}`;
  const creator = userOf(owner, HANDLERS[workflow], random);
  const isOpen = status in paths.open;
  const dueAt = isOpen && (workflow === "hazard" || workflow === "notice") && steps.length > 0 ? at + random.int(60) * DAY_MS : null;
  const policeOnly = workflow === "notice" && random.chance(0.2) ? 1 : 0;
  const entryTimes: number[] = [];
  const span = Math.max(1, Math.min(now - at, 90 * DAY_MS));
  for (let i = 0; i < entryCount; i++) entryTimes.push(at + Math.floor((span * (i + random.next())) / Math.max(1, entryCount)));
  const updatedAt = entryTimes[entryTimes.length - 1] ?? at;
  const recordId = Number(
    s.record.run(owner.id, pact?.id ?? null, workflow, status, refNo, title, description(random, village.name, title), village.id,
      `${village.name}${random.pick(["村口", "河边", "后山", "集市", "学校旁"])}`, policeOnly, dueAt, creator, at, updatedAt).lastInsertRowid,
  );
  if (partner) s.addressee.run(recordId, partner.id, workflow);
  writeDetails(s, workflow, recordId, owner, partner, pact, status, at, random, isOpen);
  // The thread: the creation event, then messages and notes, the status steps spread among them.
  const stepAt = new Set<number>();
  for (let i = 0; i < steps.length && entryCount > 1; i++) stepAt.add(1 + Math.floor(((i + 1) * (entryCount - 1)) / (steps.length + 1)));
  let current = paths.initial;
  let stepIndex = 0;
  for (let i = 0; i < entryCount; i++) {
    const side = partner && random.chance(0.45) ? partner : owner;
    const author = userOf(side, HANDLERS[workflow], random);
    const roles = JSON.stringify(world.userCountyRoles.get(author)!.roles);
    if (i === 0) {
      s.entry.run(recordId, "event", creator, owner.id, JSON.stringify(world.userCountyRoles.get(creator)!.roles), "", "create", null, paths.initial, null, entryTimes[i]);
    } else if (stepAt.has(i) && stepIndex < steps.length) {
      const action = steps[stepIndex++];
      const to = stepIndex === steps.length ? status : nextStatus(workflow, action);
      s.entry.run(recordId, "event", author, side.id, roles, "按程序办理。", action, current, to, null, entryTimes[i]);
      current = to;
    } else if (random.chance(0.15)) {
      s.entry.run(recordId, "internal", author, side.id, roles, internalNote(random), null, null, null, null, entryTimes[i]);
    } else {
      s.entry.run(recordId, "message", author, side.id, roles, messageBody(random, village.name), null, null, null, null, entryTimes[i]);
    }
  }
  return { recordId, ownerCountyId: owner.id, entries: entryCount };
}

const NEXT: Record<string, string> = {
  verify: "verifying", rectify: "rectifying", eliminate: "eliminated", dismiss: "dismissed", assess: "assessing", mediate: "mediating",
  resolve: "resolved", stabilise: "stabilised", fail: "failed", follow_up: "followed_up", sign: "in_progress", report_result: "in_progress",
  conclude: "concluded", cancel: "cancelled", start: "in_progress", complete: "completed", hold: "held", activate: "active", suspend: "suspended",
};
function nextStatus(workflow: Workflow, action: string): string {
  return workflow === "project" && action === "complete" ? "completed" : NEXT[action];
}

function writeDetails(
  s: Statements, workflow: Workflow, id: number, owner: County, partner: County | null, pact: Pact | null,
  status: string, at: number, random: Random, isOpen: boolean,
) {
  const later = at + (1 + random.int(40)) * DAY_MS;
  switch (workflow) {
    case "hazard": {
      const rectified = status === "rectifying" || status === "eliminated";
      s.hazard.run(id, random.pick(["fireworks", "fire", "road_traffic", "water", "geological", "boundary_forest", "public_order", "other"]),
        random.pick(["general", "general", "major", "serious"]), random.pick(["grid_sweep", "resident", "patrol", "joint_sweep", "other"]),
        rectified ? (partner && random.chance(0.4) ? partner.id : owner.id) : null, rectified ? "设置警示标志，限期整改到位。" : "",
        rectified ? later : null);
      break;
    }
    case "dispute":
      s.dispute.run(id, random.pick(["land_forest", "water", "construction", "neighbour", "family", "labour", "traffic", "other"]), owner.id,
        pact?.committeeId ?? null, 2 + random.int(20), random.int(200) * 1000, random.pick(["low", "low", "medium", "high"]),
        isOpen ? null : later, status === "failed" ? "court" : null, status === "failed" ? "县人民法院" : "");
      s.party.run(id, personName(random), owner.id, random.pick(owner.villages).name, `138${String(random.int(1e8)).padStart(8, "0")}`, 0);
      s.party.run(id, personName(random), (partner ?? owner).id, random.pick((partner ?? owner).villages).name, `139${String(random.int(1e8)).padStart(8, "0")}`, 1);
      break;
    case "notice": {
      const closed = status === "concluded" || status === "cancelled" ? later : null;
      s.notice.run(id, random.pick(["bulletin", "assistance", "operation", "opinion"]), random.pick(["normal", "normal", "urgent", "critical"]),
        at - random.int(3) * DAY_MS, random.pick(["盗窃", "诈骗", "抢劫", "故意伤害"]), "男，约三十岁，身穿深色外套", "摩托车一辆", "请协助查找线索",
        random.pick(["crime_fighting_only", "no_forwarding", "no_evidence_use"]), closed);
      if (partner) {
        const signer = status === "sent" ? null : random.pick(partner.usersByRole.get("police_liaison")!);
        s.receipt.run(id, partner.id, at + DAY_MS, signer, signer ? at + 3_600_000 : null, status === "concluded" ? "caught" : null,
          status === "concluded" ? signer : null, status === "concluded" ? later : null);
      }
      break;
    }
    case "patrol": {
      const started = status === "planned" || status === "cancelled" ? null : at + DAY_MS;
      const ended = status === "completed" ? at + DAY_MS + 4 * 3_600_000 : null;
      s.patrol.run(id, pact!.teamId, random.pick(["routine", "peak_hours", "sensitive_period"]), chinaDate(at + DAY_MS), "沿两县交界公路巡逻",
        started, ended, ended ? random.int(80) : 0, ended ? random.int(30) : 0, ended ? "巡逻正常，未发现异常情况。" : "");
      for (const c of [owner, partner!]) s.participant.run(id, c.usersByRole.get("police_liaison")![0], c.id);
      break;
    }
    case "meeting":
      s.meeting.run(id, random.pick(["county", "township"]), owner.id, at + 14 * DAY_MS, status === "held" ? "会议通报了本季度边界治安情况，部署下一阶段工作。" : "",
        status === "held" ? at + 14 * DAY_MS : null);
      for (const c of [owner, partner!]) s.attendee.run(id, c.usersByRole.get("pl_staff")![0], c.id);
      break;
    case "project":
      s.project.run(id, random.pick(["industry", "culture", "education", "health", "roads", "ecology", "other"]), chinaDate(at),
        chinaDate(at + 365 * DAY_MS), random.int(500) * 10000, "双方各承担一半经费。", status === "completed" ? later : null);
      break;
  }
}
