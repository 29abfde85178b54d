/**
 * Thirty-one more demo hazards besides the fireworks story: XH, TZ and YP as owners, shared under the
 * XH–TZ and XH–YP pacts or internal to one county; six reported, five under joint verification,
 * seven rectifying (three overdue), ten eliminated, three dismissed as unfounded.
 */
import { dismiss, eliminate, rectify, verify, type DemoHazard } from "./hazards-demo-data";

export const MORE_DEMO_HAZARDS: DemoHazard[] = [
  // ── XH, shared with TZ ────────────────────────────────────────────────────────────────────
  {
    key: "xt01", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 340, category: "road_traffic", severity: "major", source: "grid_sweep",
    region: "街上村第一微网格", place: "通往阳寨村的通村公路急弯处", title: "街上村至阳寨村通村公路急弯处护栏缺失",
    description: "急弯外侧为十余米深的陡坎，原有护栏被货车撞毁后一直未修复，两村学生每天经过。",
    steps: [verify("tz.police", 1), rectify("xh.police", 3, "设置临时警示桩和减速标志；县交通运输局加装波形护栏。", -300, "XH"), eliminate("xh.police", 35, "波形护栏已安装并验收，隐患销号。")],
    messages: [{ by: "tz.grid", day: 0.5, body: "阳寨村的学生也走这条路，请尽快处理。" }],
  },
  {
    key: "xt02", owner: "XH", pact: "XH-TZ", by: "xh.police", daysAgo: 300, category: "water", severity: "general", source: "patrol",
    region: "凉伞镇", place: "两镇交界河湾", title: "凉伞镇与坪地镇交界河段私设拦河网",
    description: "巡逻发现交界河段有多处拦河网，影响行洪，且有村民夜间下河收网，存在溺水风险。",
    steps: [verify("tz.police", 1), rectify("tz.police", 2, "联合拆除拦河网，对设网村民进行教育。", -280, "TZ"), eliminate("tz.police", 10, "拦河网已全部拆除，设网村民已签订承诺书。")],
  },
  {
    key: "xt03", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 220, category: "boundary_forest", severity: "general", source: "grid_sweep",
    region: "花园村", place: "花园村与阳寨村交界3号界桩", title: "花园村与阳寨村交界3号界桩被移位",
    description: "3号界桩被人挖出后移动约20米，两村对山林边界各执一词，容易引发纠纷。",
    steps: [verify("xh.pl", 2), rectify("xh.pl", 5, "两县民政、自然资源部门共同按原坐标复位界桩，并拍照存档。", -180, "XH"), eliminate("tz.pl", 30, "界桩已按原坐标复位，两村村委会签字确认。")],
    messages: [{ by: "tz.pl", day: 3, body: "天柱县民政局同意派员共同复位，请提供原界桩坐标。" }],
  },
  {
    key: "xt04", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 95, category: "fireworks", severity: "major", source: "grid_sweep",
    region: "街上村", place: "街上村口废弃加油站", title: "街上村废弃加油站储油罐未清理",
    description: "加油站停业两年，地下储油罐未清洗拆除，周边有小孩玩耍。",
    steps: [verify("tz.police", 1), rectify("xh.police", 4, "责令产权人限期清洗、拆除储油罐，县应急管理局现场监督。", -8, "XH")],
    messages: [{ by: "xh.police", day: 60, body: "产权人以资金困难为由拖延，已报县应急管理局督促。" }],
  },
  {
    key: "xt05", owner: "XH", pact: "XH-TZ", by: "xh.police", daysAgo: 40, category: "fire", severity: "major", source: "patrol",
    region: "凉伞镇", place: "两县交界山林防火通道", title: "两县交界山林防火通道堵塞",
    description: "防火通道被倒伏树木和杂物堵塞约300米，消防车无法通行。",
    steps: [verify("tz.police", 1), rectify("tz.pl", 3, "组织两地护林员联合清理通道，林业部门补设防火标识。", 20, "TZ")],
  },
  {
    key: "xt06", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 12, category: "road_traffic", severity: "general", source: "resident",
    region: "街上村第二微网格", place: "街上村村口", title: "街上村口车辆违规停放占道",
    description: "赶集日阳寨村方向来的车辆在村口两侧违规停放，救护车多次无法通过。",
    steps: [verify("xh.police", 2, "约定下个赶集日两地交警共同到场。")],
  },
  {
    key: "xt07", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 3, category: "fireworks", severity: "general", source: "resident",
    region: "花园村", place: "花园村第一微网格内的小卖部", title: "花园村小卖部疑似违规销售烟花爆竹",
    description: "村民反映小卖部在后屋堆放烟花爆竹对外销售，无零售许可证。",
    messages: [{ by: "tz.grid", day: 0.5, body: "阳寨村也有人去那里买过，我们这边会提醒村民。" }],
  },
  {
    key: "xt08", owner: "XH", pact: "XH-TZ", by: "xh.grid", daysAgo: 60, category: "public_order", severity: "general", source: "resident",
    region: "街上村", place: "街上村河边凉亭", title: "街上村河边凉亭夜间聚集赌博",
    description: "有村民反映河边凉亭夜间有外地人聚集赌博。",
    steps: [verify("tz.police", 1), dismiss("xh.police", 9, "两地民警联合蹲守核查两次，未发现聚集赌博，系村民打牌娱乐，不属实。")],
  },
  {
    key: "sweepXh", owner: "XH", pact: "XH-TZ", by: "xh.police", daysAgo: 75, category: "fire", severity: "major", source: "joint_sweep", sweep: "xhTzPeriodic",
    region: "花园村", place: "花园村老祠堂", title: "花园村老祠堂电线私拉乱接",
    description: "联合排查发现祠堂内电线私拉乱接，木结构建筑，逢年过节人员密集。",
    steps: [verify("tz.police", 0.2), rectify("xh.pl", 2, "供电所重新布线并加装漏电保护器，祠堂管理人落实用电安全责任。", -45, "XH"), eliminate("xh.pl", 25, "线路已重新敷设并验收。")],
  },
  // ── TZ, shared with XH ────────────────────────────────────────────────────────────────────
  {
    key: "tx01", owner: "TZ", pact: "XH-TZ", by: "tz.grid", daysAgo: 280, category: "geological", severity: "serious", source: "grid_sweep",
    region: "阳寨村", place: "阳寨村后山，坡下为通往凉伞镇的公路", title: "阳寨村后山滑坡隐患",
    description: "后山出现长约30米的裂缝，雨后有小规模垮塌，坡下公路是两县群众往来的主要通道。",
    steps: [verify("xh.police", 1), rectify("tz.pl", 4, "设置警示牌和监测点，雨季安排专人巡查，申报地质灾害治理项目。", -200, "TZ"), eliminate("tz.pl", 130, "治理工程已完工，经监测无位移，隐患销号。")],
    messages: [{ by: "xh.pl", day: 2, body: "新晃县将通知凉伞镇群众雨天绕行，请天柱方面及时通报监测情况。" }],
  },
  {
    key: "tx02", owner: "TZ", pact: "XH-TZ", by: "tz.police", daysAgo: 180, category: "road_traffic", severity: "major", source: "patrol",
    region: "坪地镇", place: "坪地镇边界十字路口", title: "坪地镇边界路口无信号灯",
    description: "两县货车在此交汇，路口无信号灯和减速设施，今年已发生两起刮擦事故。",
    steps: [verify("xh.police", 2), rectify("tz.police", 6, "交警部门申请安装信号灯，先行设置减速带和警示标志。", -20, "TZ")],
  },
  {
    key: "tx03", owner: "TZ", pact: "XH-TZ", by: "tz.grid", daysAgo: 25, category: "other", severity: "major", source: "grid_sweep",
    region: "阳寨村第一微网格", place: "阳寨村至花园村便道跨河木桥", title: "阳寨村至花园村便道木桥腐朽",
    description: "木桥桥面多处腐朽，两村村民赶集常走此桥。",
    steps: [verify("xh.police", 3)],
  },
  {
    key: "tx04", owner: "TZ", pact: "XH-TZ", by: "tz.grid", daysAgo: 6, category: "fireworks", severity: "major", source: "resident",
    region: "阳寨村第一微网格", place: "阳寨村出租屋", title: "阳寨村出租屋存放大量液化气罐",
    description: "群众反映一处出租屋内存放液化气罐二十余个，疑似无证经营。",
  },
  {
    key: "sweepTz", owner: "TZ", pact: "XH-TZ", by: "tz.police", daysAgo: 75, category: "fireworks", severity: "major", source: "joint_sweep", sweep: "xhTzPeriodic",
    region: "阳寨村", place: "阳寨村公路边民房", title: "阳寨村私设加油点",
    description: "联合排查发现民房内私设加油点，储存汽油约500升，向过往摩托车售油。",
    steps: [verify("xh.police", 0.2), rectify("tz.police", 2, "取缔私设加油点，没收油品，由应急管理部门立案处理。", 10, "TZ")],
  },
  {
    key: "tx05", owner: "TZ", pact: "XH-TZ", by: "tz.pl", daysAgo: 130, category: "fire", severity: "general", source: "patrol",
    region: "坪地镇", place: "坪地镇边界林区", title: "边界林区违规用火烧荒",
    description: "巡逻发现林区边缘有烧荒痕迹。",
    steps: [verify("xh.police", 1), dismiss("tz.pl", 4, "核查为村民按规定报备的计划烧除，有专人看护，不属实。")],
  },
  // ── TZ, internal ──────────────────────────────────────────────────────────────────────────
  {
    key: "t01", owner: "TZ", pact: null, by: "tz.grid", daysAgo: 200, category: "fire", severity: "general", source: "grid_sweep",
    region: "邦洞街道", place: "邦洞农贸市场", title: "邦洞街道农贸市场消防通道被占",
    description: "市场摊贩占用消防通道，消防车无法进入。",
    steps: [verify("tz.police", 1), rectify("tz.police", 2, "市场监管部门清理占道摊位，划定消防通道标线。", -170, "TZ"), eliminate("tz.police", 20, "通道已清理，标线已划定。")],
  },
  {
    key: "t02", owner: "TZ", pact: null, by: "tz.grid", daysAgo: 15, category: "public_order", severity: "general", source: "resident",
    region: "邦洞街道", place: "邦洞街道某网吧", title: "邦洞街道网吧接纳未成年人",
    description: "家长反映网吧夜间接纳未成年人上网。",
  },
  // ── XH, shared with YP ────────────────────────────────────────────────────────────────────
  {
    key: "xy01", owner: "XH", pact: "XH-YP", by: "xh.police", daysAgo: 250, category: "geological", severity: "serious", source: "patrol",
    region: "贡溪镇", place: "贡溪镇与皂角坪街道交界山腰", title: "贡溪镇与皂角坪交界处废弃矿洞",
    description: "废弃矿洞洞口敞开，常有放牛村民和小孩靠近，洞内有积水。",
    steps: [verify("yp.police", 1), rectify("xh.pl", 3, "封堵洞口，设置警示标志，两地村委会向村民告知。", -210, "XH"), eliminate("yp.pl", 40, "洞口已封堵，双方现场验收。")],
  },
  {
    key: "xy02", owner: "XH", pact: "XH-YP", by: "xh.police", daysAgo: 110, category: "fireworks", severity: "major", source: "patrol",
    region: "贡溪镇", place: "贡溪镇边界加油站", title: "贡溪镇边界加油站与民房安全距离不足",
    description: "加油站储罐距周边民房不足20米，不符合安全间距要求。",
    steps: [verify("yp.police", 2), rectify("xh.police", 5, "责令加油站降低储量、增设防火墙，商务和应急部门联合督办。", -3, "XH")],
    messages: [{ by: "yp.police", day: 3, body: "玉屏方面可提供该加油站去年的检查记录。" }],
  },
  {
    key: "xy03", owner: "XH", pact: "XH-YP", by: "xh.pl", daysAgo: 35, category: "boundary_forest", severity: "major", source: "other",
    region: "林冲镇", place: "林冲镇与皂角坪交界山林", title: "交界山林界线不清引发越界砍伐隐患",
    description: "两地村民对交界山林权属认识不一，已出现越界砍伐苗头。",
    steps: [verify("yp.pl", 2, "约定由两地林业站共同勘界。")],
  },
  {
    key: "xy04", owner: "XH", pact: "XH-YP", by: "xh.police", daysAgo: 8, category: "water", severity: "major", source: "patrol",
    region: "贡溪镇", place: "贡溪镇河段漫水桥", title: "贡溪镇漫水桥汛期涉水危险",
    description: "汛期漫水桥水深没过桥面，仍有车辆和行人强行通过。",
  },
  // ── YP, shared with XH ────────────────────────────────────────────────────────────────────
  {
    key: "yx01", owner: "YP", pact: "XH-YP", by: "yp.grid", daysAgo: 320, category: "public_order", severity: "major", source: "grid_sweep",
    region: "皂角坪街道", place: "皂角坪街道某歌厅", title: "皂角坪街道娱乐场所治安乱点",
    description: "歌厅夜间常有两地青年聚集斗殴。",
    steps: [verify("xh.police", 1), rectify("yp.police", 2, "公安机关加强巡查，责令场所落实实名登记和闭店时间。", -280, "YP"), eliminate("yp.police", 60, "三个月内未再发生警情，隐患销号。")],
  },
  {
    key: "yx02", owner: "YP", pact: "XH-YP", by: "yp.police", daysAgo: 160, category: "geological", severity: "major", source: "patrol",
    region: "皂角坪街道", place: "皂角坪至贡溪公路K8段", title: "皂角坪至贡溪公路落石",
    description: "边坡频繁落石，曾砸坏过往车辆。",
    steps: [
      verify("xh.police", 1),
      rectify("yp.pl", 3, "设置落石警示牌，公路部门实施边坡防护网工程。", -100, "YP"),
      { action: "adjust", by: "yp.pl", day: 50, measures: "设置落石警示牌；防护网工程因雨季施工受阻，改为分两期实施。", due: 30, note: "雨季施工受阻，经两地协商延期。" },
    ],
  },
  {
    key: "yx03", owner: "YP", pact: "XH-YP", by: "yp.grid", daysAgo: 50, category: "fireworks", severity: "major", source: "grid_sweep",
    region: "皂角坪街道", place: "皂角坪街道烟花爆竹零售点", title: "皂角坪街道烟花爆竹零售点超量储存",
    description: "零售点储存量明显超过许可范围，且紧邻居民楼。",
    steps: [verify("xh.police", 2)],
  },
  {
    key: "yx04", owner: "YP", pact: "XH-YP", by: "yp.grid", daysAgo: 90, category: "water", severity: "general", source: "resident",
    region: "皂角坪街道", place: "皂角坪河滩", title: "皂角坪河滩野泳溺水隐患",
    description: "夏季常有两地青少年在河滩野泳，水下有深潭。",
    steps: [verify("xh.police", 1), rectify("yp.police", 2, "设置警示牌和救生圈，暑期安排志愿者巡河。", -60, "YP"), eliminate("yp.police", 45, "警示设施已到位，暑期未发生溺水事件。")],
  },
  // ── YP, internal ──────────────────────────────────────────────────────────────────────────
  {
    key: "y01", owner: "YP", pact: null, by: "yp.grid", daysAgo: 20, category: "fire", severity: "general", source: "grid_sweep",
    region: "皂角坪街道", place: "皂角坪街道老旧小区", title: "老旧小区电动车楼道充电",
    description: "多户居民在楼道内给电动车充电。",
  },
  // ── XH, internal ──────────────────────────────────────────────────────────────────────────
  {
    key: "x01", owner: "XH", pact: null, by: "xh.grid", daysAgo: 270, category: "road_traffic", severity: "general", source: "resident",
    region: "凉伞镇", place: "凉伞镇中学门口", title: "凉伞镇中学门口道路缺少减速带",
    description: "上下学时段车速快，学生横穿马路危险。",
    steps: [verify("xh.police", 1), rectify("xh.pl", 2, "交通部门加装减速带和人行横道标线。", -240, "XH"), eliminate("xh.pl", 20, "减速带已安装。")],
  },
  {
    key: "x02", owner: "XH", pact: null, by: "xh.grid", daysAgo: 140, category: "water", severity: "major", source: "grid_sweep",
    region: "林冲镇", place: "林冲镇水库", title: "林冲镇水库无防护栏",
    description: "水库沿岸无防护栏和警示标志。",
    steps: [verify("xh.police", 2), rectify("xh.pl", 5, "水利部门加装防护栏和警示标志。", 15, "XH")],
  },
  {
    key: "x03", owner: "XH", pact: null, by: "xh.grid", daysAgo: 30, category: "fire", severity: "general", source: "grid_sweep",
    region: "街上村第一微网格", place: "街上村独居老人家中", title: "街上村独居老人家中电线老化",
    description: "入户走访发现独居老人家中电线老化、乱接。",
    steps: [verify("xh.police", 1), dismiss("xh.pl", 3, "核查时电线已于上月由供电所更换，隐患不存在。")],
  },
  {
    key: "x04", owner: "XH", pact: null, by: "xh.grid", daysAgo: 1, category: "water", severity: "major", source: "grid_sweep",
    region: "花园村", place: "花园村山塘", title: "花园村山塘堤坝渗水",
    description: "山塘堤坝下方出现渗水点，下游有十余户民房。",
  },
  {
    key: "x05", owner: "XH", pact: null, by: "xh.police", daysAgo: 45, category: "public_order", severity: "general", source: "patrol",
    region: "凉伞镇", place: "凉伞镇集市", title: "凉伞镇集市扒窃多发",
    description: "近期赶集日连续发生扒窃案件。",
    steps: [verify("xh.police", 1)],
  },
];
