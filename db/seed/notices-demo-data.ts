/**
 * The case-notice demo (刑事犯罪联打): the motorbike theft told in DOMAIN.md — at dawn XH's police
 * station at 林冲 sends TZ an urgent assistance request with a video still; TZ signs within
 * 15 minutes; by 17:00 three suspects are caught and the bike is recovered; XH concludes with
 * thanks — and a year of other notices between XH and TZ (YP's pact does not cover notices).
 * Times are minutes after sending; `sentAt` is fixed by the writer (notices-demo.ts).
 */
import type { HANDLING_CODES, NOTICE_KINDS, NOTICE_RESULTS, NOTICE_URGENCIES } from "../schema/notices";

export interface DemoNoticeStep {
  by: string;
  /** Minutes after sending. */
  after: number;
}

export interface DemoNotice {
  key: string;
  owner: "XH" | "TZ";
  to: "XH" | "TZ";
  by: string;
  /** Days before the seed runs, or an exact instant for the story. */
  daysAgo: number;
  /** Beijing time of day when sent, HH:MM. */
  at: string;
  kind: (typeof NOTICE_KINDS)[number];
  urgency: (typeof NOTICE_URGENCIES)[number];
  policeOnly: boolean;
  handlingCode: (typeof HANDLING_CODES)[number];
  crimeCategory: string;
  placeText: string;
  region?: string;
  summary: string;
  suspects: string;
  property: string;
  request: string;
  /** Minutes before sending when it happened. */
  incidentBefore: number;
  vehicles?: { plate: string; type: string; colour: string }[];
  sign?: DemoNoticeStep;
  result?: DemoNoticeStep & { result: (typeof NOTICE_RESULTS)[number]; suspectsCaught: number; itemsRecovered: number; note: string };
  messages?: (DemoNoticeStep & { body: string; internal?: boolean; png?: string })[];
  close?: DemoNoticeStep & { action: "conclude" | "cancel"; note: string };
}

/** The motorbike theft, two days before the seed, sent at 05:40. */
export const MOTORBIKE_STORY: DemoNotice = {
  key: "motorbike",
  owner: "XH",
  to: "TZ",
  by: "xh.police",
  daysAgo: 2,
  at: "05:40",
  kind: "assistance",
  urgency: "urgent",
  policeOnly: true,
  handlingCode: "crime_fighting_only",
  crimeCategory: "盗窃摩托车",
  placeText: "新晃县林冲镇林冲村",
  region: "林冲镇",
  summary:
    "今日凌晨4时许，林冲镇林冲村村民杨某停放在自家院内的一辆红色摩托车被盗。经调取沿途监控，三名嫌疑人骑该车沿 G320 国道驶入天柱县境内，请天柱警方协助查缉。",
  suspects: "男性三名，二十岁左右，其中一人身穿黑色连帽衫，一人戴白色头盔",
  property: "红色豪爵125型二轮摩托车一辆，价值约6800元",
  request: "请协助在坪地、邦洞一带设卡查缉，调取沿途监控，发现线索请即通报我所。",
  incidentBefore: 100,
  vehicles: [{ plate: "湘N·3K721", type: "二轮摩托车", colour: "红色" }],
  messages: [
    { by: "xh.police", after: 1, body: "附监控视频截图：04时38分，三名嫌疑人骑被盗摩托车经林冲收费站往天柱方向驶去。", png: "林冲收费站监控截图.png" },
    { by: "tz.police", after: 20, body: "已签收。已通知坪地派出所在 G320 沿线设卡，同步调取沿途监控。" },
    { by: "tz.police", after: 230, body: "监控显示嫌疑车辆于6时许进入邦洞街道，已组织警力摸排。" },
    { by: "xh.police", after: 240, body: "收到，我所已派两名民警赶赴邦洞配合，联系电话 0745-6010002。" },
    { by: "xh.police", after: 700, body: "衷心感谢天柱警方！我所民警已到邦洞派出所办理移交手续。" },
  ],
  sign: { by: "tz.police", after: 12 },
  result: {
    by: "tz.police",
    after: 665,
    result: "caught_and_recovered",
    suspectsCaught: 3,
    itemsRecovered: 1,
    note: "16时45分，三名犯罪嫌疑人在邦洞街道一出租屋内落网，被盗摩托车追回，车况完好。",
  },
  close: {
    by: "xh.police",
    after: 710,
    action: "conclude",
    note: "案件告破，嫌疑人及被盗车辆已移交我所依法处理，本通报办结。感谢天柱县公安局的大力协助！",
  },
};

const CATEGORIES: { crime: string; property: string; suspects: string }[] = [
  { crime: "盗窃摩托车", property: "二轮摩托车一辆", suspects: "男性两名，骑无牌摩托车" },
  { crime: "入室盗窃", property: "现金及金首饰若干", suspects: "男性一名，三十岁左右" },
  { crime: "电信网络诈骗", property: "被骗资金约4万元", suspects: "不明，涉案银行卡开户地在接边地区" },
  { crime: "盗伐林木", property: "杉木约12立方米", suspects: "当地村民数名" },
  { crime: "聚众赌博", property: "", suspects: "组织者一名，参赌人员十余名" },
  { crime: "故意伤害", property: "", suspects: "男性一名，作案后逃往邻县" },
  { crime: "盗窃耕牛", property: "黄牛两头", suspects: "驾驶蓝色农用车的男子两名" },
  { crime: "非法捕捞", property: "电鱼设备一套", suspects: "男性三名" },
  { crime: "寻衅滋事", property: "", suspects: "青年男子五名" },
  { crime: "贩卖毒品", property: "", suspects: "男性一名，有吸毒前科" },
];

const PLACES: Record<"XH" | "TZ", string[]> = {
  XH: ["新晃县凉伞镇街上村", "新晃县凉伞镇花园村", "新晃县林冲镇", "新晃县贡溪镇"],
  TZ: ["天柱县坪地镇阳寨村", "天柱县坪地镇", "天柱县邦洞街道"],
};

const KIND_REQUEST: Record<DemoNotice["kind"], string> = {
  bulletin: "请接边派出所注意排查，发现线索及时通报。",
  assistance: "请协助查找嫌疑人下落并反馈结果。",
  operation: "请按联合行动方案安排警力，同步开展清查。",
  opinion: "请关注网上舆情动态，统一口径，及时回应群众关切。",
};

/** A small deterministic random source, so the demo is the same on every seed. */
function randomSource(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const SIGN_MINUTES = { normal: 24 * 60, urgent: 120, critical: 30 } as const;

/** About sixty other notices over the past year, both directions, every kind and outcome. */
export function moreDemoNotices(count = 60): DemoNotice[] {
  const rnd = randomSource(20_240_601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const list: DemoNotice[] = [];
  for (let i = 0; i < count; i++) {
    const owner = rnd() < 0.55 ? "XH" : "TZ";
    const to = owner === "XH" ? "TZ" : "XH";
    const sender = `${owner.toLowerCase()}.police`;
    const receiver = `${to.toLowerCase()}.police`;
    const r = rnd();
    const kind: DemoNotice["kind"] = r < 0.4 ? "bulletin" : r < 0.75 ? "assistance" : r < 0.9 ? "operation" : "opinion";
    const u = rnd();
    const urgency: DemoNotice["urgency"] = u < 0.6 ? "normal" : u < 0.9 ? "urgent" : "critical";
    const category = pick(CATEGORIES);
    const place = pick(PLACES[owner]);
    // Spread over the past year, oldest first; the newest is still waiting to be signed.
    const daysAgo = i === count - 1 ? 0 : Math.round(360 - (i * 352) / (count - 1));
    const at = i === count - 1 ? "" : `${String(7 + Math.floor(rnd() * 13)).padStart(2, "0")}:${String(Math.floor(rnd() * 60)).padStart(2, "0")}`;
    const limit = SIGN_MINUTES[urgency];
    const n: DemoNotice = {
      key: `more-${i + 1}`,
      owner,
      to,
      by: sender,
      daysAgo,
      at,
      kind,
      urgency,
      policeOnly: rnd() < 0.6,
      handlingCode: pick(["crime_fighting_only", "no_forwarding", "no_evidence_use"] as const),
      crimeCategory: category.crime,
      placeText: place,
      summary: `${place}发生一起${category.crime}案件，涉案人员可能流窜至接边地区。`,
      suspects: category.suspects,
      property: category.property,
      request: KIND_REQUEST[kind],
      incidentBefore: 60 + Math.floor(rnd() * 600),
    };
    const fate = rnd();
    if (daysAgo === 0) {
      // Waiting: sent a few hours ago at normal urgency, not yet due.
      n.urgency = "normal";
    } else if (fate < 0.08) {
      // Never signed: overdue.
    } else if (fate < 0.13) {
      n.close = { by: sender, after: Math.round(limit * 0.5), action: "cancel", note: "线索已核实为误报，撤销本通报。" };
    } else {
      const late = fate > 0.85;
      n.sign = { by: receiver, after: Math.max(2, Math.round(limit * (late ? 1.2 + rnd() * 2 : 0.05 + rnd() * 0.8))) };
      n.messages = [{ by: receiver, after: n.sign.after + 5, body: "已签收，正在组织核查。" }];
      if (rnd() < 0.25) n.messages.push({ by: sender, after: n.sign.after + 30, body: "请重点关注接边村寨出租屋。" });
      if (rnd() < 0.2) n.messages.push({ by: receiver, after: n.sign.after + 40, body: "已安排专人跟进，结果另行报告领导。", internal: true });
      if (kind !== "opinion" && rnd() < 0.75) {
        const k = rnd();
        const result = k < 0.3 ? "caught" : k < 0.5 ? "recovered" : k < 0.75 ? "caught_and_recovered" : "nothing_found";
        const caught = result === "caught" || result === "caught_and_recovered" ? 1 + Math.floor(rnd() * 3) : 0;
        const recovered = result === "recovered" || result === "caught_and_recovered" ? 1 + Math.floor(rnd() * 2) : 0;
        n.result = {
          by: receiver,
          after: n.sign.after + 60 + Math.floor(rnd() * 3 * 24 * 60),
          result,
          suspectsCaught: caught,
          itemsRecovered: recovered,
          note: result === "nothing_found" ? "经排查，辖区内未发现相关线索。" : `抓获嫌疑人 ${caught} 名，追回财物 ${recovered} 件。`,
        };
        if (daysAgo > 14 && rnd() < 0.8) {
          n.close = { by: sender, after: n.result.after + 120, action: "conclude", note: "已收到反馈，本通报办结，感谢协助。" };
        }
      }
    }
    list.push(n);
  }
  return list;
}
