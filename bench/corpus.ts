/** A mixed corpus of how staff type: reports in several styles, broken reports, and chatter. */
export const CORPUS: string[] = [
  '#日报\n项目名称：精细化工中间体项目\n日期：11月20日\n形象进度：38%（综合楼主体施工）\n今日进展：综合楼二层顶板浇筑\n施工人数：64人\n机械设备：7台\n累计完成投资：1.42亿元\n本月完成投资：900万元\n存在问题：无\n明日计划：三层墙柱钢筋绑扎',
  '【日报】汽车零部件智能制造项目\n2026年11月20日\n形象进度：55%\n当日完成：冲压车间钢结构吊装完成\n在岗人数：102\n累计投资：9600万\n困难问题：1、高压线迁改需供电部门配合；2、部分苗木补偿未谈妥\n下步计划：焊装车间基础施工',
  '#日报 项目：港口物流仓储中心；形象进度：12%；今日进展：桩基检测；人数：20；累计完成投资：2800万元；存在问题：无',
  '一、项目名称：生物医药产业园一期\n二、形象进度：70%\n三、今日进展：研发楼幕墙安装\n四、施工人数：八十人\n五、累计完成投资：2.05亿元\n六、存在问题：无',
  '收到',
  '@张主任 好的，明天上午到现场对接',
  '今天下雨，现场暂停，进度明天一并报',
  '#日报\n项目名称：精细化工中间体项目\n形象进度：百分之一百一十\n累计完成投资：待统计',
  '🏗️【日报】\n1. 项目：城东中学扩建工程\n2. 形象进度：４５％（教学楼封顶）\n3. 施工人数：一百二十人\n4. 累计完成投资：三千五百万元\n5. 存在问题：（1）临时用电容量不足（2）渣土外运受限\n6. 明日计划：砌体施工',
  '好的👌',
];

/** A string of exactly `n` characters made of `unit` repeated. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/**
 * Messages built to make a scanner backtrack or copy: long runs after labels, labels repeated,
 * long numbers and bracket runs. Each takes the size in characters.
 */
export const ADVERSARIAL: Readonly<Record<string, (n: number) => string>> = {
  spacesAfterLabel: (n) => `#日报\n形象进度${' '.repeat(n - 9)}`,
  spacesBeforeColon: (n) => `形象进度${' '.repeat(n - 5)}：`,
  spacesInHeader: (n) => `#日报 城东中学${' '.repeat(n - 9)}甲`,
  spacesInTitle: (n) => `城东中学日报${' '.repeat(n - 7)}甲`,
  spacesAfterCorrection: (n) => `更正${' '.repeat(n - 7)}甲\n#日报`,
  labelsRepeated: (n) => `#日报\n${fill('形象进度：', n - 4)}`,
  labelsWithoutColon: (n) => `#日报\n${fill('施工人数 ', n - 4)}`,
  labelLines: (n) => `#日报\n${fill('施工人数：1\n', n - 4)}`,
  digitRun: (n) => `#日报\n累计完成投资：${'1'.repeat(n - 11)}`,
  digitRunPercent: (n) => `#日报\n形象进度：${'9'.repeat(n - 9)}%`,
  percentRun: (n) => `#日报\n形象进度：${fill('1%', n - 9)}`,
  numeralRun: (n) => `#日报\n施工人数：${'一'.repeat(n - 9)}`,
  groupedDigits: (n) => `#日报\n施工人数：${fill('1,', n - 9)}`,
  bracketRun: (n) => `#日报\n形象进度：${'（'.repeat(n - 9)}`,
  bracketPairs: (n) => `#日报\n累计完成投资：${fill('（）', n - 11)}`,
  numberedItems: (n) => `#日报\n存在问题：${fill('(1', n - 9)}`,
  tabRow: (n) => fill('形象进度\t', n),
  tableRows: (n) => `项目名称\t形象进度\t施工人数\n${fill('冷链物流基地\t22%\t36\n', n - 14)}`,
  tableLongCells: (n) => `项目名称\t今日进展\t施工人数\n${fill(`冷链物流基地\t${fill('钢筋绑扎，', Math.floor(n / 40))}\t36\n`, n - 14)}`,
  projectSections: (n) => `#日报\n${fill('一、冷链物流基地\n形象进度：22%\n', n - 4)}`,
  projectNames: (n) => `#日报\n形象进度：22%\n${fill('城东中学扩建工程\n', n - 13)}`,
  namesAfterSideFields: (n) => `#日报\n${fill('存在问题：甲\n', n / 2)}${fill('城东中学扩建工程\n', n / 2 - 4)}`,
  bracketLabels: (n) => `#日报\n${fill('【形象进度】', n - 4)}`,
};
