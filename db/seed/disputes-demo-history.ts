/**
 * Three years of demo disputes besides the land story, made deterministically (a fixed-seed
 * generator) so the figures read like the real ones a border county reported (DOMAIN.md §1): 180
 * resolved or followed up (181 with the story), 28 stabilised, 3 failed, 5 still open — owned by
 * XH, TZ and YP, shared under the XH–TZ and XH–YP pacts (XH–YP from its start, 2025-03-01), led by
 * the county where each happened. Two agreements were signed 25 and 28 days ago and nobody applied
 * for judicial confirmation yet: their window closes within the week (the inbox warns).
 */
import type { DisputeType } from "../../app/modules/disputes/vocabulary";
import { TOWNSHIP_COMMITTEE_XH_TZ, TOWNSHIP_COMMITTEE_XH_YP, VILLAGE_COMMITTEE, type DemoDispute, type DemoParty } from "./disputes-demo-data";
import { seededRandom } from "./random";

const DAY_MS = 86_400_000;
const HISTORY_START = Date.parse("2024-01-05T09:00:00+08:00");
const XH_YP_START = Date.parse("2025-03-02T09:00:00+08:00");

type County = "XH" | "TZ" | "YP";
const VILLAGES: Record<County, { village: string; region: string }[]> = {
  XH: [
    { village: "凉伞镇街上村", region: "街上村" },
    { village: "凉伞镇花园村", region: "花园村" },
    { village: "林冲镇林冲村", region: "林冲镇" },
    { village: "贡溪镇贡溪村", region: "贡溪镇" },
  ],
  TZ: [
    { village: "坪地镇阳寨村", region: "阳寨村" },
    { village: "坪地镇坪地村", region: "坪地镇" },
    { village: "邦洞街道邦洞村", region: "邦洞街道" },
  ],
  YP: [{ village: "皂角坪街道皂角坪社区", region: "皂角坪街道" }],
};
const ID_PREFIX: Record<County, string> = { XH: "431229", TZ: "522627", YP: "520622" };
const SURNAMES = ["杨", "龙", "吴", "姚", "蒲", "田", "潘", "刘", "石", "张", "粟", "舒", "罗", "彭"];
const GIVEN = ["正明", "秀兰", "再华", "通文", "光辉", "玉梅", "德胜", "金花", "昌平", "永红", "建国", "春秀", "世荣", "小兵"];
const TYPES: { type: DisputeType; weight: number; title: (a: string, b: string) => string; amount: number }[] = [
  { type: "land_forest", weight: 30, title: (a, b) => `${a}与${b}山林界址纠纷`, amount: 20000 },
  { type: "water", weight: 12, title: (a, b) => `${a}与${b}灌溉用水纠纷`, amount: 5000 },
  { type: "construction", weight: 12, title: (a, b) => `${b}施工占用${a}土地纠纷`, amount: 30000 },
  { type: "neighbour", weight: 14, title: (a, b) => `${a}与${b}村民相邻通行纠纷`, amount: 0 },
  { type: "family", weight: 8, title: (a, b) => `${a}与${b}跨省婚姻家庭纠纷`, amount: 0 },
  { type: "labour", weight: 8, title: (a, b) => `${a}村民在${b}务工工资纠纷`, amount: 15000 },
  { type: "traffic", weight: 10, title: (a, b) => `${a}至${b}公路交通事故赔偿纠纷`, amount: 40000 },
  { type: "other", weight: 6, title: (a, b) => `${a}与${b}牛只损毁庄稼赔偿纠纷`, amount: 3000 },
];

type Outcome = "followed_up" | "resolved" | "stabilised" | "failed" | "reported" | "registered" | "assessing" | "mediating";

/** 214 generated outcomes in time order's tail: the last five open, the eight before them resolved. */
function outcomes(random: () => number): Outcome[] {
  const settled: Outcome[] = [...Array(170).fill("followed_up"), ...Array(28).fill("stabilised"), ...Array(3).fill("failed")];
  for (let i = settled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [settled[i], settled[j]] = [settled[j], settled[i]];
  }
  return [...settled, ...Array(8).fill("resolved"), "mediating", "assessing", "mediating", "registered", "reported"];
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function party(random: () => number, county: County, n: number): DemoParty {
  const place = pick(random, VILLAGES[county]);
  const birth = `19${60 + Math.floor(random() * 35)}${String(1 + Math.floor(random() * 12)).padStart(2, "0")}${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  return {
    name: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`,
    county,
    village: place.village,
    phone: `13${String(5 + (n % 5))}${String(10_000_000 + Math.floor(random() * 89_999_999)).slice(0, 8)}`,
    idNumber: `${ID_PREFIX[county]}${birth}${String(100 + Math.floor(random() * 899))}${pick(random, ["1", "3", "5", "X", "7"])}`,
  };
}

const MEDIATORS: Record<"XH-TZ" | "XH-YP", string[]> = { "XH-TZ": ["xh.mediator", "tz.mediator"], "XH-YP": ["xh.mediator", "yp.mediator"] };

interface Forced {
  owner: County;
  pact: "XH-TZ" | "XH-YP";
  lead: County;
  /** Days from opening to the outcome. */
  toOutcome: number;
}

function disputeAt(random: () => number, i: number, openedAt: number, outcome: Outcome, now: number, forced?: Forced): DemoDispute {
  const roll = random();
  let owner: County = forced?.owner ?? (roll < 0.6 ? "XH" : roll < 0.85 ? "TZ" : "YP");
  if (owner === "YP" && openedAt < XH_YP_START) owner = "TZ";
  const pactRoll = random();
  const pact = forced?.pact ?? (owner === "YP" || (owner === "XH" && openedAt >= XH_YP_START && pactRoll < 0.3) ? "XH-YP" : "XH-TZ");
  const other: County = pact === "XH-YP" ? (owner === "XH" ? "YP" : "XH") : owner === "XH" ? "TZ" : "XH";
  const leadRoll = random();
  const lead: County = forced?.lead ?? (leadRoll < 0.7 ? owner : other);
  const partyCounties: [County, County] = [lead, lead === owner ? other : owner];
  const parties = partyCounties.map((c, k) => party(random, c, i + k));
  let total = TYPES.reduce((s, t) => s + t.weight, 0) * random();
  const kind = TYPES.find((t) => (total -= t.weight) < 0) ?? TYPES[0];
  const placeOf = (c: County, p: DemoParty) => VILLAGES[c].find((v) => v.village === p.village)!;
  const leadPlace = placeOf(partyCounties[0], parties[0]);
  const short = (p: DemoParty) => p.village.replace(/^.*?(镇|街道)/, "");
  const committeeRoll = random();
  const committee =
    pact === "XH-YP" ? TOWNSHIP_COMMITTEE_XH_YP : committeeRoll < 0.15 && !forced ? VILLAGE_COMMITTEE.name : TOWNSHIP_COMMITTEE_XH_TZ;
  const daysAgo = (now - openedAt) / DAY_MS;
  const mediator = `${lead.toLowerCase()}.mediator`;
  const durationRoll = random();
  const toOutcome = forced?.toOutcome ?? Math.min(2 + Math.floor(durationRoll ** 2 * 45), daysAgo - 1);
  const steps: DemoDispute["steps"] = [];
  if (!["reported", "registered"].includes(outcome)) {
    steps.push({ action: "assess", by: mediator, day: Math.min(1, toOutcome / 3), note: "已核实情况，评估风险，确定由联合调解委员会调解。" });
  }
  if (!["reported", "registered", "assessing", "stabilised"].includes(outcome)) {
    steps.push({ action: "mediate", by: mediator, day: Math.min(2, toOutcome / 2) });
  }
  const sessions: DemoDispute["sessions"] = [];
  if (outcome === "resolved" || outcome === "followed_up" || outcome === "failed" || outcome === "stabilised") {
    sessions.push({ day: toOutcome, by: mediator, place: `${short(parties[0])}村民委员会`, partiesPresent: parties.map((p) => p.name).join("、"), notes: "双方陈述意见，调解员释法明理。", mediators: MEDIATORS[pact] });
  }
  let agreement: DemoDispute["agreement"];
  if (outcome === "resolved" || outcome === "followed_up") {
    steps.push({ action: "resolve", by: mediator, day: toOutcome, note: "双方达成调解协议。" });
    // Signed within the last month (besides the two kept for the inbox): already taken to court.
    const recent = !forced && now - (openedAt + toOutcome * DAY_MS) < 32 * DAY_MS;
    const judicialRoll = random();
    agreement = {
      day: toOutcome,
      facts: `${parties[0].name}（${parties[0].village}）与${parties[1].name}（${parties[1].village}）因${kind.title(short(parties[0]), short(parties[1]))}发生争执，经联合调解委员会受理调解。`,
      issues: "双方对事实基本无争议，争议在于责任划分和补偿方式。",
      terms: kind.amount > 0 ? `${parties[1].name}一次性补偿${parties[0].name}人民币${Math.round(kind.amount * (0.3 + random()) / 100) * 100}元，双方纠纷就此了结。` : "双方互谅互让，按原有习惯通行和使用，今后不再就此事发生争执。",
      performance: "协议签订之日起十五日内履行完毕。",
      judicial: recent
        ? { appliedDay: Math.min(toOutcome + 1, daysAgo - 0.2), court: "新晃侗族自治县人民法院" }
        : judicialRoll < 0.15 ? { appliedDay: toOutcome + 5, court: pick(random, ["新晃侗族自治县人民法院", "天柱县人民法院", "玉屏侗族自治县人民法院"]), answeredDay: toOutcome + 15, outcome: "confirmed", answer: "裁定确认调解协议有效。" } : undefined,
    };
    if (outcome === "followed_up") {
      const visitDay = Math.min(toOutcome + 15 + Math.floor(random() * 45), daysAgo - 0.5);
      steps.push({ action: "follow_up", by: mediator, day: visitDay, visit: { method: random() < 0.6 ? "phone" : "in_person", performance: "协议已履行完毕，双方无异议。" } });
    }
  }
  if (outcome === "stabilised") steps.push({ action: "stabilise", by: mediator, day: toOutcome, note: "双方分歧仍大，已落实稳控措施，继续跟踪。" });
  if (outcome === "failed") {
    steps.push({ action: "fail", by: mediator, day: toOutcome, referralKind: "court", referralTo: "有管辖权的人民法院", note: "一方坚持诉讼，引导通过诉讼解决。" });
  }
  return {
    key: `h${String(i).padStart(3, "0")}`,
    owner,
    pact,
    by: outcome === "reported" ? `${owner.toLowerCase()}.grid` : `${owner.toLowerCase()}.mediator`,
    daysAgo,
    title: kind.title(short(parties[0]), short(parties[1])),
    description: "接边地区群众反映的矛盾纠纷，由边界联合调解委员会受理。",
    type: kind.type,
    risk: pick(random, ["low", "low", "medium", "high"] as const),
    people: 2 + Math.floor(random() * 12),
    amount: kind.amount,
    lead,
    committee,
    region: leadPlace.region,
    place: `${parties[0].village}`,
    parties,
    steps,
    sessions,
    agreement,
  };
}

/** The two recent agreements whose window for judicial confirmation closes within the week. */
function closingSoon(random: () => number, now: number): DemoDispute[] {
  return [28, 25].map((signedDaysAgo, k) => {
    const toOutcome = 20 + 7 * k;
    const opened = now - (signedDaysAgo + toOutcome) * DAY_MS;
    const d = disputeAt(random, 900 + k, opened, "resolved", now, { owner: "XH", pact: "XH-TZ", lead: "XH", toOutcome });
    return { ...d, key: `judicial${k + 1}`, agreement: { ...d.agreement!, judicial: undefined } };
  });
}

/** The historical disputes, deterministic for a given moment of seeding. */
export function historicalDisputes(now: number): DemoDispute[] {
  const random = seededRandom(20240105);
  const list = outcomes(random);
  const span = now - 20 * DAY_MS - HISTORY_START;
  const generated = list.map((outcome, i) => {
    const openedAt = HISTORY_START + ((i + random() * 0.8) * span) / list.length;
    return disputeAt(random, i + 1, Math.round(openedAt), outcome, now);
  });
  return [...generated, ...closingSoon(random, now)];
}
