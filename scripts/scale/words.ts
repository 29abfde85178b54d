/**
 * Chinese words for the scale generator: county, township and village names, people, and the
 * phrases titles, descriptions and thread messages are made of. Deterministic (a seeded random).
 */
import { seededRandom as mulberry32 } from "../../db/seed/random";

/** A small seeded random (mulberry32), so the same scale gives the same database. */
export function seededRandom(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Provinces along the Hunan–Guizhou–Guangxi–Chongqing–Hubei borders, with their code prefixes. */
export const PROVINCES = [
  { name: "湖南省", code: "43" },
  { name: "贵州省", code: "52" },
  { name: "广西壮族自治区", code: "45" },
  { name: "重庆市", code: "50" },
  { name: "湖北省", code: "42" },
] as const;

const COUNTY_FIRST = "清石龙凤云安宁平永新天玉芷会靖通道麻阳沅溪黎锦从榕剑台三岑镇松铜印思德江沿秀酉彭黔来鹤恩宣咸利巴".split("");
const COUNTY_SECOND = "溪江阳山平水城宁安乐丰源口坪州岭屏峰川".split("");
const COUNTY_SUFFIX = ["县", "县", "县", "侗族自治县", "苗族自治县", "土家族自治县"];

export function countyName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = random.pick(COUNTY_FIRST) + random.pick(COUNTY_SECOND) + random.pick(COUNTY_SUFFIX);
    const stem = name.slice(0, 2);
    if (!taken.has(stem)) {
      taken.add(stem);
      return name;
    }
  }
}

const PLACE_FIRST = "凉坪波禾米扶中上下大小黄白青高桥柳竹茶桃杨李龙马牛石沙田湾溪洞岩坡塘".split("");
const PLACE_SECOND = "伞地洲滩寨溪冲坳坝岭坡口头堡屯寮垭湾".split("");

/** A two-character place stem, unique within `taken`. */
export function placeStem(random: Random, taken: Set<string>): string {
  for (let i = 0; ; i++) {
    const stem = random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + (i > 40 ? random.pick(PLACE_FIRST) : "");
    if (!taken.has(stem)) {
      taken.add(stem);
      return stem;
    }
  }
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN = "志明华建国伟芳秀英丽军平红波辉强刚勇敏静燕霞玲桂兰德文海云峰林成荣忠新春生东祥福贵宝才发".split("");

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.7) ? random.pick(GIVEN) : "");
}

export const TITLES: Record<string, readonly string[]> = {
  hazard: ["护栏缺失", "防火通道堵塞", "私设拦河网", "违规储存烟花爆竹", "山体裂缝滑坡隐患", "界桩被移位", "电线私拉乱接", "危桥未设警示", "渡口无救生设备", "废弃矿洞未封闭"],
  dispute: ["山林权属纠纷", "灌溉用水纠纷", "宅基地边界纠纷", "建房采光纠纷", "劳务工资纠纷", "交通事故赔偿纠纷", "耕地界址纠纷", "婚姻家庭纠纷"],
  notice: ["摩托车被盗案协查", "电信诈骗嫌疑人协查", "盗窃耕牛案通报", "在逃人员协查通报", "非法捕捞线索通报", "电动车被盗案协查"],
  patrol: ["边界联合巡逻", "赶集日高峰巡逻", "春节期间联合巡防", "汛期沿河巡查", "夜间治安巡逻", "防火期山林巡护"],
  meeting: ["边界联席会议", "平安边界联创推进会", "矛盾纠纷联调会商", "季度联防联控会议"],
  project: ["联合送戏下乡", "边界通村公路修缮", "跨界饮水工程", "边界集市改造", "联合义诊进村", "边界小学结对帮扶"],
};

const DESCRIPTION_PARTS = [
  "两地群众往来频繁，",
  "经网格员走访核实，",
  "村民多次反映，",
  "涉及两县交界地带，",
  "当地村委会已初步调处，",
  "现场查看后发现，",
  "赶集日人员密集，",
  "雨季来临前需尽快处理，",
];
const DESCRIPTION_ENDS = [
  "请对方县派员共同核实。",
  "建议联合开展排查整治。",
  "已报乡镇综治中心备案。",
  "需两地相关部门协同处置。",
  "双方同意按边界六联机制处理。",
];

export function description(random: Random, place: string, title: string): string {
  return `${place}${random.pick(DESCRIPTION_PARTS)}${title}问题较为突出，${random.pick(DESCRIPTION_PARTS)}${random.pick(DESCRIPTION_ENDS)}`;
}

const MESSAGES = [
  "已收到，我方派员明天到现场核实。",
  "请提供当事人联系方式和现场照片。",
  "我县已通知所在乡镇配合处理。",
  "情况已向县委政法委汇报。",
  "双方工作人员已在现场会合。",
  "整改措施已落实，请对方复核。",
  "当事人情绪稳定，下周安排回访。",
  "已协调交警、林业部门共同参与。",
  "此事需等汛期过后再处理。",
  "已将处理结果反馈给群众。",
  "请对方县在三日内回复意见。",
  "我方同意该处理方案。",
];
const INTERNAL_NOTES = [
  "内部备注：需请示分管领导后再回复对方。",
  "内部备注：当事人系我县重点关注对象。",
  "内部备注：经费由镇里先行垫付。",
  "内部备注：下周例会上通报进展。",
];

export function messageBody(random: Random, place: string): string {
  return random.chance(0.5) ? `${place}：${random.pick(MESSAGES)}` : random.pick(MESSAGES);
}

export function internalNote(random: Random): string {
  return random.pick(INTERNAL_NOTES);
}
