/**
 * The joint patrol and joint activity demo (社会治安联治), made deterministically (a fixed-seed
 * generator) so three years read like the figures a border county reported (DOMAIN.md §1): 500+
 * joint patrols, 260+ joint legal-education events, 12,000+ legal consultations, 50+ legal-aid
 * cases, 200+ public requests resolved — under the XH–TZ pact (from 2024) and the XH–YP pact (from
 * its start, 2025-03-01), so YP sees only the XH–YP part. Times are instants; the writer
 * (patrols-demo.ts) turns them into records, details and threads.
 */
import type { ActivityKind, PatrolKind } from "../../app/modules/patrols/vocabulary";
import { seededRandom } from "./random";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type DemoPactKey = "XH-TZ" | "XH-YP";
export const PACT_STARTS: Record<DemoPactKey, number> = {
  "XH-TZ": Date.parse("2024-01-03T00:00:00+08:00"),
  "XH-YP": Date.parse("2025-03-03T00:00:00+08:00"),
};
export const PATROL_COUNTS: Record<DemoPactKey, number> = { "XH-TZ": 360, "XH-YP": 175 };

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export const SIDES: Record<DemoPactKey, ["XH", "TZ"] | ["XH", "YP"]> = { "XH-TZ": ["XH", "TZ"], "XH-YP": ["XH", "YP"] };

/** Regions (unique names) each side patrols along, and the routes in words. */
export const PATROL_REGIONS: Record<DemoPactKey, Record<string, string[]>> = {
  "XH-TZ": { XH: ["凉伞镇", "街上村", "花园村", "林冲镇"], TZ: ["坪地镇", "阳寨村"] },
  "XH-YP": { XH: ["贡溪镇", "林冲镇"], YP: ["皂角坪街道"] },
};
const ROUTES: Record<DemoPactKey, string[]> = {
  "XH-TZ": [
    "凉伞镇街上村—坪地镇阳寨村通村公路，沿线集市和学校周边",
    "花园村与阳寨村交界山林及界桩沿线",
    "凉伞镇集市、坪地镇集市及两镇交界河段",
    "林冲镇至坪地镇省际公路卡点及沿线村寨",
  ],
  "XH-YP": [
    "贡溪镇至皂角坪街道省际公路及沿线加油站",
    "林冲镇与皂角坪交界山林和废弃矿区",
    "贡溪镇集市、漫水桥及皂角坪街道娱乐场所周边",
  ],
};
const SUMMARIES = [
  "按计划完成巡防，沿线秩序良好，未发现异常。",
  "对过往车辆和可疑人员进行盘查，向沿线群众宣传防诈骗、防盗知识。",
  "巡查集市和学校周边，劝离聚集人员，治安秩序平稳。",
  "巡查交界山林防火情况，提醒村民野外禁止用火。",
  "与两地村干部交流近期矛盾纠纷苗头，未发现重大隐患。",
];
const FINDINGS = [
  "交界路段一处路灯损坏，夜间照明不足，已告知所属村委会报修。",
  "集市周边有无证摊贩占道经营，已当场劝导。",
  "发现两名醉酒人员在路边滋事，已劝离并通知家属接回。",
  "交界河段有村民电鱼，已当场制止并没收工具。",
  "山林边有焚烧秸秆的火堆未熄灭，已协助扑灭并提醒村民。",
  "一辆无牌摩托车多次在交界处往返，已登记车辆特征并通报两地派出所。",
];
const CANCEL_REASONS = ["暴雨预警，巡防改期。", "参加县里应急处置任务，巡防取消。", "道路塌方封闭，巡防改期。"];

export interface DemoPatrolPlan {
  pact: DemoPactKey;
  owner: "XH" | "TZ" | "YP";
  /** Username of the planner (police liaison or political-legal staff of the owner). */
  by: string;
  kind: PatrolKind;
  createdAt: number;
  patrolOn: string;
  plannedStart: string;
  plannedEnd: string;
  route: string;
  regions: string[];
  started?: { at: number; by: string };
  ended?: { at: number; by: string; people: number; vehicles: number; summary: string };
  cancelled?: { at: number; by: string; note: string };
  findings: { at: number; by: string; description: string; region: string | null; hazardTitle?: string }[];
}

const WINDOWS: Record<PatrolKind, [string, string][]> = {
  routine: [["09:00", "12:00"], ["14:00", "17:30"]],
  peak_hours: [["07:00", "09:00"], ["17:00", "19:30"]],
  sensitive_period: [["20:00", "01:00"], ["19:00", "23:00"]],
};

/** Beijing calendar day and clock of an instant. */
export function beijing(ms: number): { day: string; clock: string } {
  const iso = new Date(ms + 8 * HOUR_MS).toISOString();
  return { day: iso.slice(0, 10), clock: iso.slice(11, 16) };
}

/** The instant of a Beijing day and clock; a window's end before its start falls on the next day. */
export function at(day: string, clock: string, nextDay = false): number {
  return Date.parse(`${day}T${clock}:00+08:00`) + (nextDay ? DAY_MS : 0);
}

function police(code: string) {
  return `${code.toLowerCase()}.police`;
}

/** A plan for `day`, with its sides and route; the writer or the caller adds what happened. */
function planFor(random: () => number, pact: DemoPactKey, day: string, now: number): DemoPatrolPlan {
  const [a, b] = SIDES[pact];
  const owner = random() < 0.55 ? a : b;
  const kindRoll = random();
  const kind: PatrolKind = kindRoll < 0.7 ? "routine" : kindRoll < 0.9 ? "peak_hours" : "sensitive_period";
  const [plannedStart, plannedEnd] = pick(random, WINDOWS[kind]);
  const regions = [pick(random, PATROL_REGIONS[pact][a]), pick(random, PATROL_REGIONS[pact][b])];
  const createdAt = Math.min(at(day, "09:00") - (1 + Math.floor(random() * 5)) * DAY_MS + Math.floor(random() * 8) * HOUR_MS, now - HOUR_MS);
  return {
    pact, owner, by: random() < 0.75 ? police(owner) : `${owner.toLowerCase()}.pl`, kind, createdAt, patrolOn: day, plannedStart, plannedEnd,
    route: pick(random, ROUTES[pact]), regions, findings: [],
  };
}

/** A past patrol carried out (or, rarely, called off) as planned. */
function carriedOut(random: () => number, plan: DemoPatrolPlan, now: number): DemoPatrolPlan {
  const [a, b] = SIDES[plan.pact];
  const start = at(plan.patrolOn, plan.plannedStart) + Math.floor(random() * 15) * MINUTE_MS;
  if (random() < 0.04) {
    return { ...plan, cancelled: { at: Math.min(start - 2 * HOUR_MS, now - HOUR_MS), by: police(plan.owner), note: pick(random, CANCEL_REASONS) } };
  }
  const end = at(plan.patrolOn, plan.plannedEnd, plan.plannedEnd < plan.plannedStart) + (Math.floor(random() * 40) - 20) * MINUTE_MS;
  const findings = random() < 0.12
    ? [{ at: start + (end - start) / 2, by: police(random() < 0.5 ? a : b), description: pick(random, FINDINGS), region: plan.regions[0] }]
    : [];
  return {
    ...plan,
    started: { at: start, by: police(random() < 0.5 ? a : b) },
    ended: {
      at: end, by: police(plan.owner), people: Math.floor(random() * 40), vehicles: Math.floor(random() * 25), summary: pick(random, SUMMARIES),
    },
    findings,
  };
}

/** The demo patrols: history spread over each pact's term, one under way now, four planned ahead. */
export function demoPatrols(now: number): DemoPatrolPlan[] {
  const random = seededRandom(20240103);
  const plans: DemoPatrolPlan[] = [];
  const lastDay = now - 2 * DAY_MS;
  for (const pact of ["XH-TZ", "XH-YP"] as const) {
    const span = lastDay - PACT_STARTS[pact];
    const n = PATROL_COUNTS[pact];
    for (let i = 0; i < n; i++) {
      const day = beijing(PACT_STARTS[pact] + ((i + random() * 0.8) * span) / n).day;
      plans.push(carriedOut(random, planFor(random, pact, day, now), now));
    }
  }
  // Under way: XH and TZ set out an hour ago.
  const startedAt = now - HOUR_MS;
  const going = planFor(random, "XH-TZ", beijing(startedAt).day, now);
  plans.push({
    ...going, owner: "XH", by: "xh.police", kind: "routine", createdAt: now - 2 * DAY_MS,
    plannedStart: beijing(startedAt).clock, plannedEnd: beijing(now + 2 * HOUR_MS).clock, started: { at: startedAt, by: "tz.police" },
  });
  // Planned ahead.
  [2, 5, 9, 14].forEach((ahead, k) => {
    const pact: DemoPactKey = k % 2 === 0 ? "XH-TZ" : "XH-YP";
    const plan = planFor(random, pact, beijing(now + ahead * DAY_MS).day, now);
    plans.push({ ...plan, createdAt: now - (k + 1) * HOUR_MS, kind: k === 3 ? "sensitive_period" : plan.kind });
  });
  return plans;
}

export interface DemoActivity {
  pact: DemoPactKey;
  organiser: "XH" | "TZ" | "YP";
  kind: ActivityKind;
  title: string;
  heldOn: string;
  region: string;
  attendance: number;
  consultations: number;
  legalAidCases: number;
  requestsReceived: number;
  requestsResolved: number;
  notes: string;
}

const ACTIVITY_PLAN: Record<DemoPactKey, Record<ActivityKind, number>> = {
  "XH-TZ": { legal_education: 185, legal_consultation: 95, legal_aid: 28, public_request: 60 },
  "XH-YP": { legal_education: 90, legal_consultation: 45, legal_aid: 12, public_request: 30 },
};
const EDUCATION_TOPICS = ["“法律进村寨”联合普法", "防范电信网络诈骗宣传", "《民法典》进边界村", "禁毒和反邪教宣传", "森林防火法规宣讲", "未成年人保护法进校园"];
const NOTES: Record<ActivityKind, string> = {
  legal_education: "两地司法所、派出所联合开展，发放宣传资料，现场解答群众疑问。",
  legal_consultation: "两地律师和法律服务工作者在集市设点，提供婚姻家庭、土地承包等法律咨询。",
  legal_aid: "对接边地区困难群众的劳动报酬、交通事故赔偿案件联合提供法律援助。",
  public_request: "汇总两地群众反映的道路、用水、山林界址等诉求，分别交办并跟踪办理。",
};

/** The demo activities, spread over each pact's term up to yesterday. */
export function demoActivities(now: number): DemoActivity[] {
  const random = seededRandom(20240105);
  const out: DemoActivity[] = [];
  for (const pact of ["XH-TZ", "XH-YP"] as const) {
    const sides = SIDES[pact];
    const span = now - DAY_MS - PACT_STARTS[pact];
    for (const [kind, n] of Object.entries(ACTIVITY_PLAN[pact]) as [ActivityKind, number][]) {
      for (let i = 0; i < n; i++) {
        const organiser = sides[i % 2];
        const region = pick(random, PATROL_REGIONS[pact][organiser]);
        const heldOn = beijing(PACT_STARTS[pact] + ((i + random() * 0.9) * span) / n).day;
        const received = kind === "public_request" ? 2 + Math.floor(random() * 3) : 0;
        out.push({
          pact, organiser, kind, heldOn, region,
          title:
            kind === "legal_education" ? `${pick(random, EDUCATION_TOPICS)}（${region}）`
            : kind === "legal_consultation" ? `边界联合法律咨询日（${region}）`
            : kind === "legal_aid" ? `接边群众联合法律援助（${region}）`
            : `群众诉求联合接访（${region}）`,
          attendance: kind === "legal_education" ? 40 + Math.floor(random() * 260) : 0,
          consultations: kind === "legal_consultation" ? 70 + Math.floor(random() * 50) : 0,
          legalAidCases: kind === "legal_aid" ? 1 + Math.floor(random() * 2) : 0,
          requestsReceived: received,
          requestsResolved: received === 0 ? 0 : received - (random() < 0.2 ? 1 : 0),
          notes: NOTES[kind],
        });
      }
    }
  }
  return out;
}
