/**
 * The joint livelihood project demo (民生事业联动), all under the XH–TZ pact (the XH–YP pact does
 * not cover projects): the 2020 新晃—天柱平安边界联创工作方案, completed with every milestone done;
 * the joint touring theatre 联合送戏下乡, active, with milestones done, one overdue and one upcoming;
 * and projects in other fields and states (one suspended, one proposed). A day is either a fixed
 * date or a number of days from the day the seed runs (negative: before).
 */
import type { PROJECT_FIELDS } from "../schema/projects";

export type DemoDay = string | number;
type Side = "XH" | "TZ";

export interface DemoProject {
  key: string;
  owner: Side;
  partner: Side;
  by: string;
  proposedOn: DemoDay;
  field: (typeof PROJECT_FIELDS)[number];
  title: string;
  description: string;
  term: [DemoDay, DemoDay];
  budget: number;
  contributions: Partial<Record<Side, string>>;
  /** The plan document's file name and the lines on its page. */
  plan: { fileName: string; lines: string[] };
  milestones: { title: string; due: DemoDay; county: Side; done?: { on: DemoDay; by: string; note?: string } }[];
  steps: { action: "activate" | "complete" | "suspend" | "resume"; on: DemoDay; by: string; note: string }[];
  messages?: { on: DemoDay; by: string; body: string; internal?: boolean }[];
}

export const SAFE_BORDER_2020: DemoProject = {
  key: "safe-border-2020",
  owner: "XH",
  partner: "TZ",
  by: "xh.pl",
  proposedOn: "2020-03-06",
  field: "other",
  title: "2020年新晃—天柱平安边界联创工作方案",
  description:
    "围绕边界“六联”，两县共同开展平安边界联创：建立联席会议和联络员制度，组建边界联合调解委员会和联合巡防队，" +
    "开展接边地区矛盾纠纷和治安隐患联合排查，年底联合评估验收。",
  term: ["2020-03-15", "2020-12-31"],
  budget: 600_000,
  contributions: {
    XH: "县财政安排联创经费 30 万元；政法委牵头，公安、司法、乡镇派员参加。",
    TZ: "县财政安排联创经费 30 万元；提供边界联合调解室场地，派员参加联合巡防。",
  },
  plan: { fileName: "2020年新晃—天柱平安边界联创工作方案.pdf", lines: ["Xinhuang - Tianzhu", "Joint safe-border building plan 2020", "Signed by both county committees"] },
  milestones: [
    { title: "召开首次边界联席会议，签订联创协议", due: "2020-04-15", county: "XH", done: { on: "2020-04-10", by: "xh.pl", note: "在凉伞镇召开，两县政法委书记出席。" } },
    { title: "组建凉伞—坪地边界联合调解委员会", due: "2020-06-30", county: "TZ", done: { on: "2020-06-18", by: "tz.pl" } },
    { title: "开展接边地区矛盾纠纷和隐患联合排查", due: "2020-09-30", county: "XH", done: { on: "2020-10-12", by: "xh.pl", note: "受汛期影响推迟两周完成。" } },
    { title: "联创工作联合评估验收", due: "2020-12-25", county: "TZ", done: { on: "2020-12-22", by: "tz.pl", note: "两县联合验收组评定为优秀。" } },
  ],
  steps: [
    { action: "activate", on: "2020-03-16", by: "xh.pl", note: "两县常委会审定通过，正式启动。" },
    { action: "complete", on: "2020-12-28", by: "xh.pl", note: "各项节点全部完成，联创工作通过验收，转入常态化。" },
  ],
  messages: [{ on: "2020-06-19", by: "tz.pl", body: "坪地镇联合调解室已挂牌，欢迎新晃同志常来指导。" }],
};

export const TOURING_THEATRE: DemoProject = {
  key: "touring-theatre",
  owner: "XH",
  partner: "TZ",
  by: "xh.pl",
  proposedOn: -130,
  field: "culture",
  title: "湘黔边界联合送戏下乡",
  description: "两县文艺院团和民间侗戏班联合组队，轮流到边界村寨演出侗戏、花灯和普法小品，全年不少于 12 场。",
  term: [-120, 150],
  budget: 240_000,
  contributions: {
    XH: "县侗戏剧团出演员、剧目和音响设备；承担演出交通费用。",
    TZ: "县花灯剧团出演员；协调边界村寨提供场地和食宿。",
  },
  plan: { fileName: "湘黔边界联合送戏下乡实施方案.pdf", lines: ["Joint touring theatre along the Hunan - Guizhou border", "Dong opera, lantern opera, legal-education sketches", "At least 12 performances"] },
  milestones: [
    { title: "确定剧目和演出村寨名单", due: -95, county: "XH", done: { on: -98, by: "xh.pl", note: "确定 6 个剧目、12 个村寨。" } },
    { title: "首场演出：凉伞镇街上村", due: -60, county: "XH", done: { on: -61, by: "xh.pl", note: "观众约 800 人，两县群众同台对歌。" } },
    { title: "坪地镇阳寨村专场演出", due: -5, county: "TZ" },
    { title: "年中交流展演", due: 30, county: "XH" },
    { title: "全年演出总结", due: 145, county: "TZ" },
  ],
  steps: [{ action: "activate", on: -118, by: "xh.pl", note: "两县文旅部门会签，启动实施。" }],
  messages: [
    { on: -61, by: "tz.pl", body: "首场演出反响很好，阳寨村专场我们正在落实场地。" },
    { on: -20, by: "xh.pl", body: "阳寨村专场需督促天柱方尽快确定日期。", internal: true },
  ],
};

export const MORE_PROJECTS: DemoProject[] = [
  {
    key: "tea-tourism",
    owner: "TZ",
    partner: "XH",
    by: "tz.pl",
    proposedOn: -200,
    field: "industry",
    title: "边界茶旅产业带共建",
    description: "沿两县接边的茶园和古村落，共同打造茶旅线路，统一品牌推介，带动边界群众增收。",
    term: [-190, 360],
    budget: 1_500_000,
    contributions: { TZ: "整合茶园基础设施项目资金 90 万元。", XH: "投入乡村旅游配套资金 60 万元，负责线路推介。" },
    plan: { fileName: "边界茶旅产业带共建方案.pdf", lines: ["Border tea and tourism belt", "Joint route and brand"] },
    milestones: [
      { title: "完成茶园和古村落资源联合普查", due: -120, county: "TZ", done: { on: -125, by: "tz.pl" } },
      { title: "茶旅线路标识牌统一设置", due: 60, county: "XH" },
      { title: "联合举办开茶节", due: 300, county: "TZ" },
    ],
    steps: [{ action: "activate", on: -185, by: "tz.pl", note: "纳入两县乡村振兴重点项目。" }],
  },
  {
    key: "school-pairing",
    owner: "XH",
    partner: "TZ",
    by: "xh.pl",
    proposedOn: -300,
    field: "education",
    title: "边界学校结对帮扶",
    description: "边界两侧 6 所中小学结对，开展教师互派、学生交流和联合家访。",
    term: [-290, 70],
    budget: 80_000,
    contributions: { XH: "派出骨干教师 4 名。", TZ: "派出骨干教师 4 名，提供交流活动场地。" },
    plan: { fileName: "边界学校结对帮扶方案.pdf", lines: ["Border school pairing", "Teacher exchange and joint home visits"] },
    milestones: [
      { title: "签订结对协议", due: -250, county: "XH", done: { on: -255, by: "xh.pl" } },
      { title: "第一学期教师互派", due: -100, county: "TZ", done: { on: -104, by: "tz.pl" } },
      { title: "学生交流夏令营", due: 40, county: "XH" },
    ],
    steps: [
      { action: "activate", on: -280, by: "xh.pl", note: "两县教育局联合发文启动。" },
      { action: "suspend", on: -30, by: "xh.pl", note: "因校舍改造，夏令营场地暂不具备条件，项目暂停，待改造完成后恢复。" },
    ],
  },
  {
    key: "village-road",
    owner: "TZ",
    partner: "XH",
    by: "tz.pl",
    proposedOn: -12,
    field: "roads",
    title: "坪地—凉伞跨界通村公路连通",
    description: "打通坪地镇阳寨村至凉伞镇街上村之间 3.2 公里断头路，方便两村群众出行和农产品运输。",
    term: [20, 400],
    budget: 4_800_000,
    contributions: { TZ: "承担 1.9 公里路段建设及征地协调。", XH: "承担 1.3 公里路段建设。" },
    plan: { fileName: "跨界通村公路连通方案.pdf", lines: ["Cross-border village road", "3.2 km between Yangzhai and Jieshang"] },
    milestones: [
      { title: "完成联合勘测设计", due: 90, county: "TZ" },
      { title: "两侧路段同步开工", due: 150, county: "XH" },
      { title: "竣工联合验收", due: 390, county: "TZ" },
    ],
    steps: [],
  },
  {
    key: "free-clinics",
    owner: "TZ",
    partner: "XH",
    by: "tz.pl",
    proposedOn: -420,
    field: "health",
    title: "边界村寨巡回义诊",
    description: "两县县医院和乡镇卫生院组成联合医疗队，每季度到边界村寨巡回义诊一次。",
    term: [-410, -40],
    budget: 120_000,
    contributions: { TZ: "县人民医院派出医疗队，提供药品。", XH: "县人民医院派出医疗队，负责健康档案建立。" },
    plan: { fileName: "边界村寨巡回义诊方案.pdf", lines: ["Free clinics in border villages", "Quarterly joint medical team"] },
    milestones: [
      { title: "第一季度义诊", due: -330, county: "TZ", done: { on: -335, by: "tz.pl" } },
      { title: "第二季度义诊", due: -240, county: "XH", done: { on: -238, by: "xh.pl", note: "因暴雨推迟两天。" } },
      { title: "全年总结", due: -50, county: "TZ", done: { on: -52, by: "tz.pl" } },
    ],
    steps: [
      { action: "activate", on: -405, by: "tz.pl", note: "两县卫健部门确认启动。" },
      { action: "complete", on: -45, by: "tz.pl", note: "全年义诊 4 次，服务群众 1600 余人次。" },
    ],
  },
];

export const DEMO_PROJECTS: DemoProject[] = [SAFE_BORDER_2020, TOURING_THEATRE, ...MORE_PROJECTS];
