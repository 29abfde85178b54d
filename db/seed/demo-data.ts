/**
 * The demo world: four counties on the Hunan–Guizhou border, their border townships and villages,
 * one user per role in each county, and the pacts between them. Tests and people rely on it:
 * keep names, codes and usernames stable.
 */
import type { Role, Workflow } from "../../app/modules/access/capabilities";

export const DEMO_PASSWORD = "demo-2026";

export interface DemoRegion {
  name: string;
  level: "township" | "village" | "micro_grid";
  isBorder?: boolean;
  children?: DemoRegion[];
}

export interface DemoCounty {
  name: string;
  code: string;
  province: string;
  shortCode: string;
  regions: DemoRegion[];
}

export const DEMO_COUNTIES: DemoCounty[] = [
  {
    name: "新晃侗族自治县",
    code: "431229",
    province: "湖南省",
    shortCode: "XH",
    regions: [
      {
        name: "凉伞镇", level: "township", isBorder: true,
        children: [
          {
            name: "街上村", level: "village", isBorder: true,
            children: [
              { name: "街上村第一微网格", level: "micro_grid", isBorder: true },
              { name: "街上村第二微网格", level: "micro_grid" },
            ],
          },
          {
            name: "花园村", level: "village", isBorder: true,
            children: [{ name: "花园村第一微网格", level: "micro_grid", isBorder: true }],
          },
        ],
      },
      { name: "林冲镇", level: "township", isBorder: true },
      { name: "贡溪镇", level: "township", isBorder: true },
    ],
  },
  {
    name: "天柱县",
    code: "522627",
    province: "贵州省",
    shortCode: "TZ",
    regions: [
      {
        name: "坪地镇", level: "township", isBorder: true,
        children: [
          {
            name: "阳寨村", level: "village", isBorder: true,
            children: [{ name: "阳寨村第一微网格", level: "micro_grid", isBorder: true }],
          },
        ],
      },
      { name: "邦洞街道", level: "township" },
    ],
  },
  {
    name: "玉屏侗族自治县",
    code: "520622",
    province: "贵州省",
    shortCode: "YP",
    regions: [{ name: "皂角坪街道", level: "township", isBorder: true }],
  },
  {
    name: "芷江侗族自治县",
    code: "431228",
    province: "湖南省",
    shortCode: "ZJ",
    regions: [],
  },
];

/** One user per role in every county: `<short code>.<role>`. */
export const DEMO_ROLES: { suffix: string; role: Role; title: string }[] = [
  { suffix: "admin", role: "county_admin", title: "系统管理员" },
  { suffix: "pl", role: "pl_staff", title: "县委政法委干部" },
  { suffix: "police", role: "police_liaison", title: "公安局联络员" },
  { suffix: "mediator", role: "mediator", title: "边界联合调解委员会委员" },
  { suffix: "grid", role: "grid_worker", title: "网格员" },
  { suffix: "leader", role: "leader", title: "县委政法委书记" },
];

/** Display names per county and role, so threads read like real people. */
export const DEMO_NAMES: Record<string, Record<string, string>> = {
  XH: { admin: "杨志明", pl: "姚红梅", police: "龙建军", mediator: "吴秀英", grid: "蒲德辉", leader: "田国庆" },
  TZ: { admin: "潘永华", pl: "刘丽娟", police: "杨光荣", mediator: "龙桂花", grid: "吴昌明", leader: "王建设" },
  YP: { admin: "张家和", pl: "黄晓燕", police: "李卫东", mediator: "石玉兰", grid: "姚正兴", leader: "陈立新" },
  ZJ: { admin: "唐文斌", pl: "周春燕", police: "蒋海涛", mediator: "舒翠萍", grid: "向明亮", leader: "易振华" },
};

export interface DemoPact {
  title: string;
  members: [string, string];
  workflows: Workflow[];
  startsOn: string;
  endsOn: string | null;
  articles: string;
  /** Liaison persons by county short code, as username suffixes. */
  liaisons: Record<string, string[]>;
  bodies: {
    kind: "mediation_committee" | "patrol_team";
    name: string;
    level?: "township" | "village";
    members: { county: string; suffix: string; duty: string }[];
  }[];
}

const STANDARD_ARTICLES = `第一条 共同法律依据：双方依据《中华人民共和国人民调解法》等法律法规，建立边界平安共建机制。
第二条 联席会议制度：双方每季度轮流召开一次联席会议，通报情况，研究解决边界问题。
第三条 指导基层：双方共同指导接边乡镇、村开展联防联调工作。
第四条 联络员制度：双方各确定界线管理联席人，保持联络畅通。
第五条 信息共享：双方及时通报接边地区矛盾纠纷、治安隐患和案件线索。
第六条 应急处置：发生边界突发事件，双方立即启动应急程序，共同到场处置。
第七条 历史遗留问题：尊重历史、照顾现实、互谅互让，依法依规妥善处理。`;

export const DEMO_PACTS: DemoPact[] = [
  {
    title: "新晃—天柱平安边界“六联”协议",
    members: ["XH", "TZ"],
    workflows: ["hazard", "dispute", "notice", "patrol", "meeting", "project"],
    startsOn: "2024-01-01",
    endsOn: "2028-12-31",
    articles: STANDARD_ARTICLES,
    liaisons: { XH: ["pl", "police"], TZ: ["pl", "police"] },
    bodies: [
      {
        kind: "mediation_committee",
        name: "凉伞—坪地边界联合调解委员会",
        level: "township",
        members: [
          { county: "XH", suffix: "mediator", duty: "主任" },
          { county: "TZ", suffix: "mediator", duty: "副主任" },
          { county: "XH", suffix: "grid", duty: "委员" },
          { county: "TZ", suffix: "grid", duty: "委员" },
        ],
      },
      {
        kind: "patrol_team",
        name: "湘黔边界联合巡防队",
        members: [
          { county: "XH", suffix: "police", duty: "队长" },
          { county: "TZ", suffix: "police", duty: "副队长" },
        ],
      },
    ],
  },
  {
    title: "新晃—玉屏平安边界联防协议",
    members: ["XH", "YP"],
    workflows: ["hazard", "dispute", "patrol", "meeting"],
    startsOn: "2025-03-01",
    endsOn: "2027-12-31",
    articles: STANDARD_ARTICLES,
    liaisons: { XH: ["pl"], YP: ["pl", "police"] },
    bodies: [
      {
        kind: "mediation_committee",
        name: "贡溪—皂角坪边界联合调解委员会",
        level: "township",
        members: [
          { county: "XH", suffix: "mediator", duty: "主任" },
          { county: "YP", suffix: "mediator", duty: "副主任" },
        ],
      },
      {
        kind: "patrol_team",
        name: "新晃—玉屏边界联合巡防队",
        members: [
          { county: "XH", suffix: "police", duty: "队长" },
          { county: "YP", suffix: "police", duty: "副队长" },
        ],
      },
    ],
  },
];
