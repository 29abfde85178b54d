/**
 * The joint-meeting demo (平安边界联创): three past XH–TZ joint meetings hosted in turn (XH, TZ,
 * XH) with their minutes and decisions — most action items done, one of TZ's overdue, one of
 * XH's still within its deadline — an upcoming XH–TZ meeting hosted by TZ, and the XH–YP pact's
 * meetings (one held, one upcoming), which TZ never sees. People named are those each pact already
 * names to its members (political-legal staff, police liaisons, mediators). Days are Beijing days
 * before (negative: after) the seed runs.
 */

export type DemoMeetingPact = "XH-TZ" | "XH-YP";

export interface DemoDecision {
  text: string;
  /** The responsible county and the owner (a username of it). */
  county: "XH" | "TZ" | "YP";
  owner: string;
  /** Deadline: days after the meeting. */
  within: number;
  /** Reported done this many days after the meeting, by `by`, with a note. */
  done?: { after: number; by: string; note: string };
  /** Reopened after being done (then done again if `redone`). */
  reopened?: { after: number; by: string; note: string; redone?: { after: number; by: string; note: string } };
  messages?: { after: number; by: string; body: string }[];
}

export interface DemoMeeting {
  key: string;
  pact: DemoMeetingPact;
  host: "XH" | "TZ" | "YP";
  /** Who scheduled it and recorded the minutes (political-legal staff of the host). */
  by: string;
  daysAgo: number;
  at: string;
  level: "county" | "township";
  title: string;
  placeText: string;
  attendees: string[];
  otherAttendees: string;
  /** Agenda titles; `link` names a workflow whose latest shared record before the meeting is linked. */
  agenda: { title: string; link?: "hazard" | "dispute" | "notice" }[];
  minutes?: string;
  decisions?: DemoDecision[];
  messages?: { daysBefore: number; by: string; body: string }[];
}

const XH_TZ_PEOPLE = ["xh.pl", "xh.police", "xh.mediator", "tz.pl", "tz.police", "tz.mediator"];

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    key: "xt-1",
    pact: "XH-TZ",
    host: "XH",
    by: "xh.pl",
    daysAgo: 300,
    at: "09:30",
    level: "county",
    title: "新晃—天柱平安边界联席会议（第一次）",
    placeText: "新晃县凉伞镇人民政府三楼会议室",
    attendees: XH_TZ_PEOPLE,
    otherAttendees: "凉伞镇党委书记、坪地镇镇长",
    agenda: [
      { title: "通报上季度接边地区矛盾纠纷排查情况", link: "dispute" },
      { title: "研究边界隐患联防联控措施", link: "hazard" },
      { title: "商定下一阶段联合巡防安排" },
    ],
    minutes:
      "会议由新晃县委政法委主持。双方通报了上季度接边地区矛盾纠纷和治安隐患情况，一致同意建立凉伞—坪地边界山林纠纷月度排查机制，并在节假日前组织联合夜巡。",
    decisions: [
      {
        text: "建立凉伞—坪地边界山林纠纷月度排查机制，每月底前互通排查台账。",
        county: "XH", owner: "xh.mediator", within: 45,
        done: { after: 40, by: "xh.pl", note: "月度排查机制已建立，首期台账已发天柱县。" },
      },
      {
        text: "坪地派出所与凉伞派出所在春节前组织一次边界联合夜巡。",
        county: "TZ", owner: "tz.police", within: 60,
        done: { after: 35, by: "tz.pl", note: "已于腊月二十六组织联合夜巡，出动警力12人。" },
        messages: [{ after: 20, by: "xh.pl", body: "我县凉伞派出所可出动6人，请确定集合地点。" }, { after: 21, by: "tz.pl", body: "集合地点定在坪地镇检查站。" }],
      },
    ],
    messages: [{ daysBefore: 10, by: "tz.pl", body: "收到会议通知，我县政法委、坪地派出所和调委会将派员参会。" }],
  },
  {
    key: "xt-2",
    pact: "XH-TZ",
    host: "TZ",
    by: "tz.pl",
    daysAgo: 200,
    at: "14:30",
    level: "township",
    title: "凉伞—坪地边界联席会议（第二次）",
    placeText: "天柱县坪地镇人民政府会议室",
    attendees: XH_TZ_PEOPLE,
    otherAttendees: "阳寨村、街上村村委会主任",
    agenda: [
      { title: "施工便道占用山林土地纠纷调处进展", link: "dispute" },
      { title: "烟花爆竹储存点排查整治回头看", link: "hazard" },
    ],
    minutes:
      "会议由天柱县委政法委主持。双方听取了施工便道占地纠纷调处进展，同意由天柱方牵头制定阳寨村山林土地恢复方案，新晃方督促施工方兑付临时占地补偿款。",
    decisions: [
      {
        text: "牵头制定阳寨村被占山林土地恢复方案，并征求街上村意见。",
        county: "TZ", owner: "tz.mediator", within: 60,
        done: { after: 50, by: "tz.pl", note: "恢复方案已经两村确认，报双方调委会备案。" },
      },
      {
        text: "督促施工方兑付临时占地补偿款，兑付凭证报联席会议办公室。",
        county: "XH", owner: "xh.pl", within: 45,
        done: { after: 30, by: "xh.pl", note: "补偿款已兑付首期。" },
        reopened: {
          after: 33, by: "tz.pl", note: "阳寨村反映第二期补偿款尚未到位，请继续督办。",
          redone: { after: 44, by: "xh.pl", note: "第二期补偿款已兑付，凭证已上传。" },
        },
      },
    ],
  },
  {
    key: "xt-3",
    pact: "XH-TZ",
    host: "XH",
    by: "xh.pl",
    daysAgo: 100,
    at: "09:00",
    level: "county",
    title: "新晃—天柱平安边界联席会议（第三次）",
    placeText: "新晃县委政法委二楼会议室",
    attendees: XH_TZ_PEOPLE,
    otherAttendees: "",
    agenda: [
      { title: "边界烟花爆竹隐蔽储存点整治情况", link: "hazard" },
      { title: "摩托车盗窃案协查经验交流", link: "notice" },
      { title: "修订边界联防联调工作手册" },
    ],
    minutes:
      "会议由新晃县委政法委主持。双方总结了摩托车盗窃案跨界协查的经验，要求对边界烟花爆竹储存点开展复查，并修订联防联调工作手册。",
    decisions: [
      {
        text: "对花园村、阳寨村一带烟花爆竹隐蔽储存点开展复查，复查结果书面通报新晃县。",
        county: "TZ", owner: "tz.police", within: 30,
        messages: [{ after: 25, by: "xh.pl", body: "期限将至，请天柱方告知复查进度。" }],
      },
      {
        text: "修订《新晃—天柱边界联防联调工作手册》，征求双方意见后印发。",
        county: "XH", owner: "xh.pl", within: 130,
      },
      {
        text: "建立跨界警情 24 小时值班联络表，互留值班电话。",
        county: "XH", owner: "xh.police", within: 15,
        done: { after: 7, by: "xh.pl", note: "值班联络表已互换并张贴于双方指挥室。" },
      },
    ],
  },
  {
    key: "xy-1",
    pact: "XH-YP",
    host: "XH",
    by: "xh.pl",
    daysAgo: 60,
    at: "10:00",
    level: "township",
    title: "贡溪—皂角坪边界联席会议",
    placeText: "新晃县贡溪镇人民政府会议室",
    attendees: ["xh.pl", "xh.mediator", "yp.pl", "yp.police", "yp.mediator"],
    otherAttendees: "贡溪镇、皂角坪街道分管负责人",
    agenda: [{ title: "贡溪—皂角坪接边地区隐患排查情况", link: "hazard" }, { title: "边界界桩巡查分工" }],
    minutes: "双方通报了贡溪—皂角坪接边地区隐患排查情况，商定由玉屏方牵头开展一次边界界桩巡查。",
    decisions: [
      { text: "牵头开展贡溪—皂角坪段边界界桩巡查，发现损毁及时通报。", county: "YP", owner: "yp.pl", within: 90 },
    ],
  },
  {
    key: "xt-4",
    pact: "XH-TZ",
    host: "TZ",
    by: "tz.pl",
    daysAgo: -10,
    at: "09:30",
    level: "county",
    title: "新晃—天柱平安边界联席会议（第四次）",
    placeText: "天柱县委政法委会议室",
    attendees: ["xh.pl", "xh.police", "tz.pl", "tz.police", "tz.mediator"],
    otherAttendees: "",
    agenda: [
      { title: "上次会议督办事项落实情况" },
      { title: "施工便道占地纠纷调解协议履行情况", link: "dispute" },
      { title: "边界隐患整改情况", link: "hazard" },
      { title: "近期跨界警情通报", link: "notice" },
    ],
    messages: [{ daysBefore: 2, by: "xh.pl", body: "我县参会人员已确定，会前请天柱方提供烟花爆竹储存点复查情况。" }],
  },
  {
    key: "xy-2",
    pact: "XH-YP",
    host: "YP",
    by: "yp.pl",
    daysAgo: -20,
    at: "14:00",
    level: "county",
    title: "新晃—玉屏平安边界联席会议",
    placeText: "玉屏县委政法委会议室",
    attendees: ["xh.pl", "yp.pl", "yp.police"],
    otherAttendees: "",
    agenda: [{ title: "边界界桩巡查情况" }],
  },
];
