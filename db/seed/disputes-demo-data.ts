/**
 * The demo disputes' shape and the land dispute story (DOMAIN.md §1): 天柱县坪地镇阳寨村第三村民小组
 * against 新晃县凉伞镇街上村, whose construction road cut through the group's hillside. Reported by
 * the grid workers of both villages, first taken up by the village-level joint committee, then by
 * the township-level 凉伞—坪地边界联合调解委员会; agreement: restore the land when the project ends
 * and hire people of both villages first for the plantation upkeep. Times are days after the
 * dispute was opened (`daysAgo` before the moment of seeding). Keep titles and names stable.
 */
import type { DisputeAction } from "../../app/modules/disputes/machine";
import type { DisputeType, EscalationRisk, ReferralKind, VisitMethod } from "../../app/modules/disputes/vocabulary";
import type { DemoPactKey } from "./hazards-demo-data";

export const VILLAGE_COMMITTEE = {
  pact: "XH-TZ" as DemoPactKey,
  name: "街上—阳寨村级联合调解委员会",
  level: "village" as const,
  members: [
    { username: "tz.mediator", duty: "主任" },
    { username: "xh.mediator", duty: "副主任" },
    { username: "tz.grid", duty: "委员" },
    { username: "xh.grid", duty: "委员" },
  ],
};
export const TOWNSHIP_COMMITTEE_XH_TZ = "凉伞—坪地边界联合调解委员会";
export const TOWNSHIP_COMMITTEE_XH_YP = "贡溪—皂角坪边界联合调解委员会";

export interface DemoParty {
  name: string;
  county: "XH" | "TZ" | "YP";
  village: string;
  phone: string;
  idNumber: string;
}

export interface DemoDisputeStep {
  action: DisputeAction;
  by: string;
  /** Days after opening (fractions allowed). */
  day: number;
  note?: string;
  /** Assess: the committee the dispute goes to (by name). */
  committee?: string;
  referralKind?: ReferralKind;
  referralTo?: string;
  visit?: { method: VisitMethod; performance: string };
}

export interface DemoSession {
  day: number;
  by: string;
  place: string;
  partiesPresent: string;
  notes: string;
  mediators: string[];
}

export interface DemoAgreement {
  facts: string;
  issues: string;
  terms: string;
  performance: string;
  /** Day signed, after opening. */
  day: number;
  judicial?: { appliedDay: number; court: string; answeredDay?: number; outcome?: "confirmed" | "rejected"; answer?: string };
}

export interface DemoDispute {
  key: string;
  owner: "XH" | "TZ" | "YP";
  pact: DemoPactKey | null;
  by: string;
  /** Opened this many days before the seeding (fractions allowed). */
  daysAgo: number;
  title: string;
  description: string;
  type: DisputeType;
  risk: EscalationRisk;
  people: number;
  amount: number;
  lead: "XH" | "TZ" | "YP";
  /** The committee it starts with (by name); an assess step may move it. */
  committee: string | null;
  region: string | null;
  place: string;
  parties: DemoParty[];
  steps: DemoDisputeStep[];
  sessions?: DemoSession[];
  agreement?: DemoAgreement;
  messages?: { by: string; day: number; body: string }[];
}

export const LAND_STORY_TITLE = "街上村修建施工便道占用阳寨村山林土地纠纷";
export const LAND_STORY_TERMS =
  "一、项目施工结束后，街上村负责将临时施工便道所占用的山坡土地恢复原状并补植树木，经阳寨村第三村民小组验收。\n" +
  "二、油茶基地种植及后期管护用工，优先雇用街上村和阳寨村两村村民，同等条件下两村人数各占一半。\n" +
  "三、阳寨村第三村民小组不再阻工；双方互谅互让，共同维护边界和谐稳定。";

export const LAND_STORY: DemoDispute = {
  key: "land",
  owner: "TZ",
  pact: "XH-TZ",
  by: "tz.mediator",
  daysAgo: 120,
  title: LAND_STORY_TITLE,
  description:
    "新晃县凉伞镇街上村为建设油茶种植基地，在天柱县坪地镇阳寨村第三村民小组所有的山坡上开挖临时施工便道，毁坏林地约6亩。阳寨村村民阻工，双方发生争执。两村网格员分别向两镇联合调解委员会报告。",
  type: "land_forest",
  risk: "high",
  people: 46,
  amount: 36000,
  lead: "TZ",
  committee: VILLAGE_COMMITTEE.name,
  region: "阳寨村第一微网格",
  place: "阳寨村第三村民小组后山（与街上村交界处）",
  parties: [
    { name: "龙再华", county: "TZ", village: "坪地镇阳寨村第三村民小组（组长）", phone: "13908551234", idNumber: "522627197203152418" },
    { name: "杨通文", county: "XH", village: "凉伞镇街上村（村民委员会主任）", phone: "13974561234", idNumber: "431229197511082435" },
  ],
  steps: [
    { action: "assess", by: "tz.mediator", day: 4, committee: TOWNSHIP_COMMITTEE_XH_TZ, note: "村级联合调委会调解一次未果；涉及两省林地权属和用工，群体性风险较高，提请凉伞—坪地边界联合调解委员会调解。" },
    { action: "mediate", by: "tz.mediator", day: 5 },
    { action: "resolve", by: "tz.mediator", day: 16, note: "双方达成调解协议：项目结束后恢复土地，基地管护优先雇用两村村民。" },
    { action: "follow_up", by: "xh.mediator", day: 75, visit: { method: "in_person", performance: "便道已停止使用并开始复绿；基地管护雇用两村村民各12人，双方无异议。" } },
  ],
  sessions: [
    { day: 2, by: "tz.mediator", place: "阳寨村村民委员会", partiesPresent: "龙再华及村民代表5人；杨通文及村民代表3人", notes: "村级联合调委会首次调解。阳寨村要求立即停工并赔偿；街上村称项目工期紧。双方分歧较大，未达成一致。", mediators: ["tz.mediator"] },
    { day: 9, by: "tz.mediator", place: "坪地镇人民政府会议室", partiesPresent: "龙再华、杨通文及两村村民代表各4人", notes: "镇级联合调委会调解。现场察看便道，测量占地面积约6亩；双方同意以恢复原状代替现金补偿，用工问题另行商议。", mediators: ["tz.mediator", "xh.mediator"] },
    { day: 16, by: "xh.mediator", place: "凉伞镇人民政府会议室", partiesPresent: "龙再华、杨通文", notes: "就用工安排达成一致：基地管护优先雇用两村村民。当场签订调解协议书。", mediators: ["xh.mediator", "tz.mediator"] },
  ],
  agreement: {
    day: 16,
    facts:
      "新晃侗族自治县凉伞镇街上村为实施油茶种植基地项目，未与天柱县坪地镇阳寨村第三村民小组协商，在该组所有的山坡上开挖长约800米、宽约4.5米的临时施工便道，毁坏林地约6亩。阳寨村部分村民上山阻工，双方发生争执。两村网格员分别向两镇联合调解委员会报告。",
    issues:
      "争议焦点：一是施工便道占用阳寨村第三村民小组林地如何恢复和补偿；二是项目施工及后期管护的用工安排。责任：街上村未经协商擅自开挖便道，应承担恢复原状的主要责任；阳寨村部分村民以堵路方式阻工，方式不当。",
    terms: LAND_STORY_TERMS,
    performance:
      "第一项于项目竣工后三个月内完成，由凉伞—坪地边界联合调解委员会组织两村共同验收；第二项自本协议签订之日起执行，用工名单每季度报两镇联合调解委员会备案。",
    judicial: { appliedDay: 21, court: "天柱县人民法院", answeredDay: 33, outcome: "confirmed", answer: "经审查，调解协议符合法律规定，裁定确认有效。" },
  },
  messages: [
    { by: "tz.grid", day: 0.1, body: "阳寨村网格员：街上村的挖机今天开进了我们组的后山，村民情绪很大，已劝离现场。" },
    { by: "xh.grid", day: 0.2, body: "街上村网格员：已向凉伞镇报告，施工方暂停作业，等两边一起协调。" },
  ],
};
