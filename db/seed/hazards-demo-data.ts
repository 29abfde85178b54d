/**
 * The demo hazards and joint sweeps: the fireworks store story (DOMAIN.md §1) and thirty more
 * across statuses, categories, severities, counties and pacts, over the last twelve months.
 * Times are days relative to the moment of seeding (reported `daysAgo`; each step and message
 * `day` days after the report; deadlines `due` days from now, negative when passed). Tests and
 * people rely on it: keep keys, titles and usernames stable.
 */
import type { HazardAction } from "../../app/modules/hazards/machine";
import type { HazardCategory, HazardSeverity, HazardSource } from "../../app/modules/hazards/vocabulary";

export type DemoPactKey = "XH-TZ" | "XH-YP";

export interface DemoStep {
  action: HazardAction;
  by: string;
  day: number;
  note?: string;
  measures?: string;
  /** Days from the moment of seeding (negative: already passed). */
  due?: number;
  /** Short code of the responsible county. */
  responsible?: string;
}

export interface DemoMessage {
  by: string;
  day: number;
  body: string;
  internal?: boolean;
}

export interface DemoHazard {
  key: string;
  owner: "XH" | "TZ" | "YP";
  pact: DemoPactKey | null;
  by: string;
  daysAgo: number;
  title: string;
  category: HazardCategory;
  severity: HazardSeverity;
  source: HazardSource;
  /** A region name (unique across the demo), of the owner or a member of the pact. */
  region: string | null;
  place: string;
  description: string;
  steps?: DemoStep[];
  messages?: DemoMessage[];
  sweep?: string;
}

export interface DemoSweep {
  key: string;
  pact: DemoPactKey;
  organiser: string;
  kind: "periodic" | "focused";
  title: string;
  scope: string;
  /** The sweep's date, days from the moment of seeding (negative: in the past). */
  day: number;
  status: "planned" | "completed";
  outcome: string;
  participants: string[];
}

const verify = (by: string, day: number, note?: string): DemoStep => ({ action: "verify", by, day, note });
const rectify = (by: string, day: number, measures: string, due: number, responsible: string): DemoStep => ({
  action: "rectify", by, day, measures, due, responsible,
});
const eliminate = (by: string, day: number, note: string): DemoStep => ({ action: "eliminate", by, day, note });
const dismiss = (by: string, day: number, note: string): DemoStep => ({ action: "dismiss", by, day, note });

export const FIREWORKS_TITLE = "花园村与阳寨村交界处隐蔽烟花爆竹储存点";

/** The fireworks store: heard of by grid workers on both sides, checked jointly, removed. */
export const FIREWORKS_STORY: DemoHazard = {
  key: "fireworks",
  owner: "XH",
  pact: "XH-TZ",
  by: "xh.grid",
  daysAgo: 150,
  title: FIREWORKS_TITLE,
  category: "fireworks",
  severity: "serious",
  source: "resident",
  region: "花园村",
  place: "花园村第一微网格东侧老砖房，距阳寨村约500米",
  description: "花园村村民反映，两村交界山坳的老砖房近来常有面包车夜间进出，疑似有人私自储存大量烟花爆竹。该处距花园村小学不足300米。",
  messages: [
    { by: "tz.grid", day: 0.15, body: "我是阳寨村网格员。阳寨村这边也有群众反映，最近夜里常有车辆在两村交界的山坳进出，怀疑就是这个储存点。" },
    { by: "xh.grid", day: 0.2, body: "收到，已报告凉伞派出所。老砖房大门上锁，窗户用木板封住，从外面能闻到火药味。" },
    { by: "tz.police", day: 0.5, body: "坪地派出所两名民警明早8点到花园村村部会合，一同核查。" },
    { by: "xh.pl", day: 0.6, internal: true, body: "内部：该点位距花园村小学不足300米，请县应急管理局同步跟进；如属实，列入本季度重点督办事项。" },
    { by: "xh.police", day: 1.2, body: "联合核查属实：老砖房内存放烟花爆竹约40箱，无任何许可手续，存放人为阳寨村村民。" },
    { by: "tz.police", day: 3, body: "存放人已到坪地派出所接受询问，对私自储存行为供认不讳，我方配合立案调查。" },
    { by: "xh.grid", day: 7, body: "今天回访，老砖房已清空封闭，周边群众反映良好。" },
  ],
  steps: [
    verify("tz.police", 0.4, "同意联合核查，约定次日上午两地民警共同到场。"),
    rectify("xh.police", 1.3, "联合清理、没收、立案调查", -135, "XH"),
    eliminate("xh.police", 6, "物品已全部没收并转运至县烟花爆竹专用仓库销毁，储存点已清理，隐患销号。双方约定每月回访一次。"),
  ],
};

/** The joint sweeps: one completed periodic XH–TZ sweep (it found two hazards), one planned focused XH–YP sweep. */
export const DEMO_SWEEPS: DemoSweep[] = [
  {
    key: "xhTzPeriodic",
    pact: "XH-TZ",
    organiser: "xh.police",
    kind: "periodic",
    title: "凉伞—坪地边界隐患季度联合排查",
    scope: "凉伞镇花园村、街上村与坪地镇阳寨村交界区域的仓库、祠堂、民房、加油点和山林",
    day: -75,
    status: "completed",
    outcome: "两县共12人参加，排查接边村寨3个、仓库及民房41处，发现隐患2处（花园村老祠堂私拉电线、阳寨村私设加油点），均已登记并移交属地整改。",
    participants: ["xh.police", "xh.grid", "tz.police", "tz.grid"],
  },
  {
    key: "xhYpFocused",
    pact: "XH-YP",
    organiser: "yp.police",
    kind: "focused",
    title: "贡溪—皂角坪烟花爆竹与危险品重点排查",
    scope: "贡溪镇与皂角坪街道交界的烟花爆竹零售点、加油站和液化气站",
    day: 12,
    status: "planned",
    outcome: "",
    participants: ["yp.police", "yp.grid", "xh.police"],
  },
];

export { verify, rectify, eliminate, dismiss };
