import { reportTemplate } from '../../src/text/format';
import { parseMessage } from '../../src/core/report/parse';
import { MAX_PROJECTS } from '../../src/core/report/scan';
import type { FieldError, ParseResult, Report } from '../../src/domain/report';
import { blankReport } from '../support/report';
import { LABELS, SLOTS, type Slot } from '../../src/core/report/labels';

const POSTED = new Date('2026-11-24T10:00:00+08:00');

function report(text: string, postedAt: Date = POSTED): Report {
  const r = parseMessage(text, postedAt);
  if (r.kind !== 'report') throw new Error(`expected a report, got ${JSON.stringify(r)}`);
  return r.report;
}

function errors(text: string, postedAt: Date = POSTED): FieldError[] {
  const r = parseMessage(text, postedAt);
  if (r.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(r)}`);
  return r.errors;
}

const kind = (text: string): ParseResult['kind'] => parseMessage(text, POSTED).kind;

const EMPTY: Report = blankReport();

describe('the styles in shared/samples/messages.md', () => {
  it('1. tagged, one field a line (the office template)', () => {
    const text = [
      '#日报',
      '项目名称：精细化工中间体项目',
      '日期：11月20日',
      '形象进度：38%（综合楼主体施工）',
      '今日进展：综合楼二层顶板浇筑',
      '施工人数：64人',
      '机械设备：7台',
      '累计完成投资：1.42亿元',
      '本月完成投资：900万元',
      '存在问题：无',
      '明日计划：三层墙柱钢筋绑扎',
    ].join('\n');
    expect(report(text)).toEqual<Report>({
      project: '精细化工中间体项目',
      date: '2026-11-20',
      progressPercent: 38,
      progressText: '综合楼主体施工',
      todayWork: '综合楼二层顶板浇筑',
      workers: 64,
      machines: 7,
      investmentCumulative: 14200,
      investmentMonth: 900,
      problems: [],
      nextPlan: '三层墙柱钢筋绑扎',
    });
  });

  it('2. header in brackets, a bare date line, other labels, numbered problems on one line', () => {
    const text = [
      '【日报】汽车零部件智能制造项目',
      '2026年11月20日',
      '形象进度：55%',
      '当日完成：冲压车间钢结构吊装完成',
      '在岗人数：102',
      '累计投资：9600万',
      '困难问题：1、高压线迁改需供电部门配合；2、部分苗木补偿未谈妥',
      '下步计划：焊装车间基础施工',
    ].join('\n');
    expect(report(text)).toEqual<Report>({
      ...EMPTY,
      project: '汽车零部件智能制造项目',
      date: '2026-11-20',
      progressPercent: 55,
      todayWork: '冲压车间钢结构吊装完成',
      workers: 102,
      investmentCumulative: 9600,
      problems: ['高压线迁改需供电部门配合', '部分苗木补偿未谈妥'],
      nextPlan: '焊装车间基础施工',
    });
  });

  it('3. everything on one line', () => {
    const text = '#日报 项目：港口物流仓储中心；形象进度：12%；今日进展：桩基检测；人数：20；累计完成投资：2800万元；存在问题：无';
    expect(report(text)).toEqual<Report>({
      ...EMPTY,
      project: '港口物流仓储中心',
      progressPercent: 12,
      todayWork: '桩基检测',
      workers: 20,
      investmentCumulative: 2800,
    });
  });

  it('4. numbered with Chinese ordinals and no tag', () => {
    const text = [
      '一、项目名称：生物医药产业园一期',
      '二、形象进度：70%',
      '三、今日进展：研发楼幕墙安装',
      '四、施工人数：八十人',
      '五、累计完成投资：2.05亿元',
      '六、存在问题：无',
    ].join('\n');
    expect(report(text)).toEqual<Report>({
      ...EMPTY,
      project: '生物医药产业园一期',
      progressPercent: 70,
      todayWork: '研发楼幕墙安装',
      workers: 80,
      investmentCumulative: 20500,
    });
  });

  it.each(['收到', '@张主任 好的，明天上午到现场对接', '今天下雨，现场暂停，进度明天一并报'])('5. leaves chatter alone: %s', (text) => {
    expect(kind(text)).toBe('ignored');
  });

  it('6. broken: names 形象进度 and 累计完成投资 with what was typed and a valid example', () => {
    const text = ['#日报', '项目名称：精细化工中间体项目', '形象进度：百分之一百一十', '累计完成投资：待统计'].join('\n');
    expect(errors(text)).toEqual<FieldError[]>([
      {
        key: 'progressPercent',
        field: '形象进度',
        message: '形象进度应为 0–100 之间的百分比',
        got: '百分之一百一十',
        example: '38%',
      },
      {
        key: 'investmentCumulative',
        field: '累计完成投资',
        message: '累计完成投资应为金额（万元或亿元）',
        got: '待统计',
        example: '1.42亿元 或 14200万元',
      },
    ]);
  });
});

describe('the template the bot hands out', () => {
  it('reads as a report even before today’s work and the plan are filled in', () => {
    expect(report(reportTemplate('精细化工中间体项目'))).toEqual<Report>({
      ...EMPTY,
      project: '精细化工中间体项目',
      progressPercent: 38,
      progressText: '主体施工',
      workers: 64,
      machines: 7,
      investmentCumulative: 14200,
      investmentMonth: 900,
    });
  });
});

describe('recognising a report', () => {
  it.each([
    '#日报\n形象进度：38%',
    '＃日报\n形象进度：38%',
    '# 日报\n形象进度：38%',
    '【日报】\n形象进度：38%',
    '日报\n形象进度：38%',
    '日报：形象进度：38%',
    '  🚧📋 #日报\n形象进度：38%',
    '\n\n#日报\n形象进度：38%',
  ])('takes a tag at the start: %p', (text) => {
    expect(report(text).progressPercent).toBe(38);
  });

  it('needs three labels without a tag', () => {
    expect(kind('形象进度：38%\n施工人数：64人')).toBe('ignored');
    expect(kind('形象进度：38%\n施工人数：64人\n存在问题：无')).toBe('report');
  });

  it('counts a field given under two synonyms once', () => {
    expect(kind('存在问题：无\n需协调事项：无\n形象进度：38%')).toBe('ignored');
  });

  it('does not take a tag in the middle or 日报 inside a sentence', () => {
    expect(kind('@张主任 #日报 明天补')).toBe('ignored');
    expect(kind('日报已发，请查收')).toBe('ignored');
    expect(kind('今天的日报晚点发')).toBe('ignored');
  });

  it('does not take a label word without a separator', () => {
    expect(kind('项目部今天开会，进度款问题明天再议，人数够了')).toBe('ignored');
  });
});

describe('labels, separators and layout', () => {
  it.each([
    ['形象进度：38%', 38],
    ['形象进度:38%', 38],
    ['形象进度 ： 38 %', 38],
    ['形象进度；38%', 38],
    ['形象进度，38%', 38],
    ['形象进度：３８％', 38],
    ['进度：38%', 38],
    ['形象进度：百分之七十', 70],
    ['形象进度：70.5%', 70.5],
    ['形象进度：38', 38],
    ['形象进度（%）：38', 38],
  ])('reads %p', (line, percent) => {
    expect(report(`#日报\n${line}`).progressPercent).toBe(percent);
  });

  it.each([
    ['今日进展', 'todayWork'],
    ['当日完成', 'todayWork'],
    ['今日完成', 'todayWork'],
    ['工作进展', 'todayWork'],
    ['今日工作', 'todayWork'],
    ['明日计划', 'nextPlan'],
    ['下步计划', 'nextPlan'],
    ['明天计划', 'nextPlan'],
  ] as const)('takes %s as %s', (label, key) => {
    expect(report(`#日报\n形象进度：1%\n${label}：土方开挖`)[key]).toBe('土方开挖');
  });

  it.each(['施工人数', '在岗人数', '人数', '作业人数'])('takes %s as workers', (label) => {
    expect(report(`#日报\n${label}：64人`).workers).toBe(64);
  });

  it.each(['机械设备', '机械', '设备'])('takes %s as machines', (label) => {
    expect(report(`#日报\n人数：1\n${label}：7台`).machines).toBe(7);
  });

  it.each(['存在问题', '困难问题', '需协调事项', '问题'])('takes %s as problems', (label) => {
    expect(report(`#日报\n人数：1\n${label}：电力接入滞后`).problems).toEqual(['电力接入滞后']);
  });

  it('lets the longest label win', () => {
    const r = report('#日报\n项目名称：A厂\n累计完成投资：2800万元\n本月完成投资：300万元\n施工人数：64');
    expect(r).toMatchObject({ project: 'A厂', investmentCumulative: 2800, investmentMonth: 300, workers: 64 });
  });

  it.each([
    ['1.', '1. 形象进度：38%\n2. 施工人数：64人'],
    ['1、', '1、形象进度：38%\n2、施工人数：64人'],
    ['1)', '1）形象进度：38%\n2）施工人数：64人'],
    ['(1)', '(1)形象进度：38%\n(2)施工人数：64人'],
    ['（一）', '（一）形象进度：38%\n（二）施工人数：64人'],
    ['一、', '一、形象进度：38%\n二、施工人数：64人'],
    ['①', '①形象进度：38%\n②施工人数：64人'],
    ['keycap', '1️⃣形象进度：38%\n2️⃣施工人数：64人'],
    ['emoji', '📊形象进度：38%\n👷‍♂️施工人数：64人'],
    ['emoji after number', '1. 📊 形象进度：38%\n2. 👷 施工人数：64人'],
    ['bullets', '• 形象进度：38%\n- 施工人数：64人'],
  ])('strips numbering: %s', (_, lines) => {
    expect(report(`#日报\n${lines}`)).toMatchObject({ progressPercent: 38, workers: 64 });
  });

  it('reads many fields on one line with any separator', () => {
    const r = report('#日报 项目：港口物流仓储中心，形象进度：12%，人数：20，机械：3台 存在问题：无');
    expect(r).toMatchObject({ project: '港口物流仓储中心', progressPercent: 12, workers: 20, machines: 3, problems: [] });
  });

  it('does not cut a value at a label word that is not followed by a colon', () => {
    expect(report('#日报\n今日进展：浇筑完成，设备进场，人数充足').todayWork).toBe('浇筑完成，设备进场，人数充足');
  });

  it('keeps values as typed, full-width punctuation included', () => {
    expect(report('#日报\n今日进展：钢筋绑扎（二层），模板安装；混凝土浇筑').todayWork).toBe('钢筋绑扎（二层），模板安装；混凝土浇筑');
  });

  it('handles Windows line ends', () => {
    expect(report('#日报\r\n形象进度：38%\r\n施工人数：64人\r\n')).toMatchObject({ progressPercent: 38, workers: 64 });
  });

  it('takes the text after the tag as the project name, unless it is a field or a date', () => {
    expect(report('#日报 港口物流仓储中心\n形象进度：12%').project).toBe('港口物流仓储中心');
    expect(report('【日报】【汽车零部件智能制造项目】\n形象进度：12%').project).toBe('汽车零部件智能制造项目');
    expect(report('#日报 港口物流仓储中心 形象进度：12%')).toMatchObject({ project: '港口物流仓储中心', progressPercent: 12 });
    expect(report('#日报 11月20日\n形象进度：12%')).toMatchObject({ project: null, date: '2026-11-20' });
    expect(report('【日报】汽车零部件\n项目名称：汽车零部件智能制造项目\n形象进度：12%').project).toBe('汽车零部件智能制造项目');
  });

  it('applies a unit written after the label', () => {
    expect(report('#日报\n累计完成投资（万元）：14200').investmentCumulative).toBe(14200);
    expect(report('#日报\n累计完成投资（亿元）：1.42').investmentCumulative).toBe(14200);
    expect(report('#日报\n累计完成投资（元）：120000').investmentCumulative).toBe(12);
    expect(report('#日报\n累计完成投资（亿元）：9600万').investmentCumulative).toBe(9600);
    expect(report('#日报\n施工人数（人）：64').workers).toBe(64);
  });

  it('treats an empty value as absent, as in the unfilled template', () => {
    const r = report('#日报\n项目名称：精细化工中间体项目\n日期：\n形象进度：38%\n今日进展：\n施工人数：\n存在问题：\n明日计划：');
    expect(r).toEqual<Report>({ ...EMPTY, project: '精细化工中间体项目', progressPercent: 38 });
  });
});

describe('labels as people write them', () => {
  const VALUE: Record<Slot, [string, Partial<Report>]> = {
    project: ['港口物流仓储中心', { project: '港口物流仓储中心' }],
    date: ['11月23日', { date: '2026-11-23' }],
    progress: ['38%', { progressPercent: 38 }],
    todayWork: ['桩基检测', { todayWork: '桩基检测' }],
    workers: ['64人', { workers: 64 }],
    machines: ['7台', { machines: 7 }],
    investmentCumulative: ['2800万元', { investmentCumulative: 2800 }],
    investmentMonth: ['300万元', { investmentMonth: 300 }],
    problems: ['电力接入滞后', { problems: ['电力接入滞后'] }],
    nextPlan: ['土方开挖', { nextPlan: '土方开挖' }],
  };
  const everyLabel = SLOTS.flatMap((slot) => LABELS[slot].map((label) => [label, slot] as const));
  const otherContent = (slot: Slot) => (slot === 'todayWork' ? '形象进度：1%' : '今日工作：桩基检测');

  it.each(everyLabel)('reads %s as %s', (label, slot) => {
    const [value, want] = VALUE[slot];
    expect(report(`#日报\n${otherContent(slot)}\n${label}：${value}`)).toMatchObject(want);
  });

  it.each(everyLabel.filter(([, slot]) => ['progress', 'workers', 'machines', 'investmentCumulative', 'investmentMonth'].includes(slot)))(
    'reads %s without a colon before its figure',
    (label, slot) => {
      const [value, want] = VALUE[slot];
      expect(report(`#日报\n今日工作：桩基检测\n${label}${value}`)).toMatchObject(want);
      expect(report(`#日报\n今日工作：桩基检测\n${label} ${value}`)).toMatchObject(want);
    },
  );

  it('takes a label in brackets, with or without a separator after it', () => {
    expect(report('#日报\n【形象进度】48%\n[施工人数]：45人\n［机械设备］7台')).toMatchObject({ progressPercent: 48, workers: 45, machines: 7 });
    expect(report('【日报】【项目名称】冷链物流基地【形象进度】20%')).toMatchObject({ project: '冷链物流基地', progressPercent: 20 });
  });

  it('takes a text label without a colon when a space follows it, or when it is long', () => {
    expect(report('#日报\n形象进度：1%\n存在问题 无\n明日计划 三层砌体').nextPlan).toBe('三层砌体');
    expect(report('#日报\n形象进度：1%\n明日计划三层砌体').nextPlan).toBe('三层砌体');
    expect(report('#日报\n形象进度：1%\n存在问题：\n问题较多').problems).toEqual(['问题较多']);
  });

  it('takes 今日, 今天, 当日 and 现场 before a label', () => {
    expect(report('#日报\n今日形象进度：40%\n现场施工人员：66人\n当日投入机械8台')).toMatchObject({ progressPercent: 40, workers: 66, machines: 8 });
  });

  it('reads a figure ended by a comma before the next label', () => {
    expect(report('#日报\n施工人数45，机械设备3台')).toMatchObject({ workers: 45, machines: 3 });
  });

  it('takes 为 and 达 between a label and its figure', () => {
    expect(report('#日报\n形象进度为16%\n施工人数为28人\n累计完成投资达3100万元')).toMatchObject({ progressPercent: 16, workers: 28, investmentCumulative: 3100 });
  });

  it('needs a figure after a label without a colon: a label word in a sentence is no label', () => {
    const r = report('#日报\n形象进度：1%\n存在问题：\n1、设备2号机组检修\n2、进度一般\n3、人数不足');
    expect(r).toMatchObject({ progressPercent: 1, machines: null, workers: null, problems: ['设备2号机组检修', '进度一般', '人数不足'] });
  });

  it('cuts free text at a label without a colon only after a space', () => {
    expect(report('#日报\n今日进展：钢筋绑扎 施工人数56人')).toMatchObject({ todayWork: '钢筋绑扎', workers: 56 });
    expect(report('#日报\n今日进展：钢筋绑扎，进度30%\n施工人数：56人')).toMatchObject({ todayWork: '钢筋绑扎，进度30%', progressPercent: null });
  });

  it('reads one line of labels without colons, as voice input gives it', () => {
    expect(report('#日报 城东中学扩建工程 今天形象进度72% 施工人数118人 累计完成投资1.12亿元')).toMatchObject({
      project: '城东中学扩建工程',
      progressPercent: 72,
      workers: 118,
      investmentCumulative: 11200,
    });
    expect(report('#日报 港口物流仓储中心今天形象进度15%施工人数26人累计完成投资3000万元')).toMatchObject({
      project: '港口物流仓储中心',
      progressPercent: 15,
      workers: 26,
      investmentCumulative: 3000,
    });
  });

  it('takes a label alone on its line, the value on the lines below', () => {
    expect(report('#日报\n一、形象进度\n湿地栈道施工，完成45%\n二、施工人数\n86人')).toMatchObject({ progressPercent: 45, workers: 86 });
  });

  it('takes a long label run on by a few words before its colon', () => {
    expect(report('#日报\n形象进度情况：62%\n存在问题及建议：无\n施工人数统计（人）：40')).toMatchObject({ progressPercent: 62, problems: [], workers: 40 });
    expect(report('#日报\n形象进度：1%\n进度款支付：已付80%')).toMatchObject({ progressPercent: 1 });
  });

  it('reads 本月 and 累计 before amounts', () => {
    expect(report('#日报\n形象进度：36%\n完成投资：本月650万元；累计8300万元')).toMatchObject({ investmentMonth: 650, investmentCumulative: 8300 });
  });

  it('reads no field from the labels of what the office does not keep', () => {
    const r = report('#日报\n总投资：5亿元\n今日完成投资：45万元\n累计完成投资：9800万元\n形象进度：69%\n建设单位：区教育局');
    expect(r).toMatchObject({ investmentCumulative: 9800, todayWork: null, progressPercent: 69, progressText: null });
  });

  it('runs the progress description on below it, but not into a numbered line or a line of its own label', () => {
    expect(report('#日报\n形象进度：38%\n综合楼主体施工').progressText).toBe('综合楼主体施工');
    expect(report('#日报\n一、形象进度：75%\n二、今日施工情况：沉桩12根').progressText).toBeNull();
    expect(report('#日报\n形象进度：75%\n投资：3.36亿').progressText).toBeNull();
  });

  it('ends a field at a sign-off label inside a line', () => {
    expect(report('#日报\n形象进度：1%\n存在问题：无 填报人：张三').problems).toEqual([]);
  });
});

describe('values over several lines', () => {
  it('collects problems listed under the label', () => {
    const text = '#日报\n形象进度：38%\n存在问题：\n1、高压线迁改需供电部门配合\n2、部分苗木补偿未谈妥\n明日计划：继续';
    expect(report(text)).toMatchObject({
      problems: ['高压线迁改需供电部门配合', '部分苗木补偿未谈妥'],
      nextPlan: '继续',
    });
  });

  it.each([
    ['1、…；2、…', '1、甲；2、乙'],
    ['(1)…(2)…', '(1)甲(2)乙'],
    ['（1）…（2）…', '（1）甲（2）乙'],
    ['1.… 2.…', '1.甲 2.乙'],
    ['①…②…', '①甲②乙'],
    ['一、…二、…', '一、甲 二、乙'],
    ['semicolons', '甲；乙'],
    ['a first item on the label line', '1、甲\n2、乙'],
  ])('splits problems written as %s', (_, value) => {
    expect(report(`#日报\n形象进度：1%\n存在问题：${value}`).problems).toEqual(['甲', '乙']);
  });

  it.each(['无', '暂无', '无问题', '没有', '无。', '暂无需协调事项', '/'])('reads %p as no problems', (value) => {
    expect(report(`#日报\n形象进度：1%\n存在问题：${value}`).problems).toEqual([]);
  });

  it('keeps numbers inside a problem', () => {
    expect(report('#日报\n形象进度：1%\n存在问题：1、2号楼1.5米处渗水').problems).toEqual(['2号楼1.5米处渗水']);
  });

  it('merges 存在问题 with 需协调事项', () => {
    expect(report('#日报\n形象进度：1%\n存在问题：甲\n需协调事项：乙').problems).toEqual(['甲', '乙']);
  });

  it('runs today’s work over the following lines, numbering kept', () => {
    expect(report('#日报\n今日进展：\n1、综合楼二层顶板浇筑\n2、钢筋进场').todayWork).toBe('1、综合楼二层顶板浇筑\n2、钢筋进场');
  });

  it('takes a one-value field from the next line when its own line is empty', () => {
    expect(report('#日报\n累计完成投资：\n14200万元').investmentCumulative).toBe(14200);
  });

  it('does not run a remark into a filled number field', () => {
    expect(report('#日报\n施工人数：64人\n其中管理人员5人').workers).toBe(64);
  });

  it('ends a field at a sign-off line', () => {
    const r = report('#日报\n形象进度：38%\n存在问题：无\n填报人：张三\n天气：晴');
    expect(r.problems).toEqual([]);
  });

  it('keeps the field above open across blank lines', () => {
    expect(report('#日报\n形象进度：1%\n存在问题：\n\n1、甲\n\n2、乙').problems).toEqual(['甲', '乙']);
  });

  it('takes the text beside a percentage as the progress text', () => {
    expect(report('#日报\n形象进度：38%（综合楼主体施工）')).toMatchObject({ progressPercent: 38, progressText: '综合楼主体施工' });
    expect(report('#日报\n形象进度：综合楼主体施工（38%）')).toMatchObject({ progressPercent: 38, progressText: '综合楼主体施工' });
    expect(report('#日报\n形象进度：主体完成38%')).toMatchObject({ progressPercent: 38, progressText: '主体完成' });
    expect(report('#日报\n形象进度：38%\n综合楼主体施工')).toMatchObject({ progressPercent: 38, progressText: '综合楼主体施工' });
    expect(report('#日报\n形象进度：38%')).toMatchObject({ progressPercent: 38, progressText: null });
  });

  it('keeps a progress without percentage as text only', () => {
    expect(report('#日报\n形象进度：主体结构封顶')).toMatchObject({ progressPercent: null, progressText: '主体结构封顶' });
  });
});

describe('numbers', () => {
  it.each([
    ['64人', 64],
    ['一百二十人', 120],
    ['八十', 80],
    ['102', 102],
    ['０', 0],
    ['管理人员5人，作业人员59人', 64],
  ])('reads workers %p', (value, n) => {
    expect(report(`#日报\n施工人数：${value}`).workers).toBe(n);
  });

  it('adds up itemised machines', () => {
    expect(report('#日报\n人数：1\n机械设备：挖掘机3台、塔吊2台、泵车1辆').machines).toBe(6);
  });

  it.each([
    ['3.2亿', 32000],
    ['1.42亿元', 14200],
    ['8,500万元', 8500],
    ['三千五百万元', 3500],
    ['600万', 600],
    ['600', 600],
    ['120000元', 12],
  ])('reads investment %p in 万元', (value, wan) => {
    expect(report(`#日报\n累计完成投资：${value}`).investmentCumulative).toBe(wan);
  });

  it.each([
    ['施工人数：-3人', 'workers', '施工人数'],
    ['施工人数：3.5人', 'workers', '施工人数'],
    ['施工人数：若干', 'workers', '施工人数'],
    ['机械设备：若干', 'machines', '机械设备'],
    ['本月完成投资：待统计', 'investmentMonth', '本月完成投资'],
    ['累计完成投资：-500万', 'investmentCumulative', '累计完成投资'],
    ['形象进度：-5%', 'progressPercent', '形象进度'],
    ['形象进度：120%', 'progressPercent', '形象进度'],
    ['形象进度：（）', 'progressPercent', '形象进度'],
  ])('rejects %p', (line, key, field) => {
    const [e] = errors(`#日报\n今日进展：土方\n${line}`);
    expect(e).toMatchObject({ key, field, got: line.slice(line.indexOf('：') + 1) });
    expect(e?.message).not.toBe('');
    expect(e?.example).not.toBe('');
  });

  it('shows the value as typed, not as normalised', () => {
    expect(errors('#日报\n形象进度：１２０％')[0]?.got).toBe('１２０％');
    expect(errors('#日报\n累计完成投资（亿元）：约一点')[0]?.got).toBe('约一点');
  });

  it('lists every bad field, in template order', () => {
    const e = errors('#日报\n累计完成投资：待统计\n施工人数：很多\n日期：2月30日\n形象进度：200%');
    expect(e.map((x) => x.field)).toEqual(['日期', '形象进度', '施工人数', '累计完成投资']);
  });
});

describe('a figure followed by a remark', () => {
  it('keeps the remark as the field’s note', () => {
    const r = report('#日报\n形象进度：40%\n累计完成投资：1.6亿元，占总投资32%\n本月完成投资：300万元（预计月底达500万元）\n施工人数：64人（其中管理人员8人）\n机械设备：8台 含旋挖钻机2台');
    expect(r).toMatchObject({ investmentCumulative: 16000, investmentMonth: 300, workers: 64, machines: 8 });
    expect(r.notes).toEqual({
      investmentCumulative: '占总投资32%',
      investmentMonth: '预计月底达500万元',
      workers: '其中管理人员8人',
      machines: '含旋挖钻机2台',
    });
  });

  it('has no notes when nothing follows the figures, or only an emoji', () => {
    expect(report('#日报\n形象进度：40%\n施工人数：45人👷\n累计完成投资：1.6亿元。').notes).toBeUndefined();
  });

  it('keeps a remark after a date', () => {
    expect(report('#日报\n形象进度：40%\n日期：11月23日（补报）')).toMatchObject({ date: '2026-11-23', notes: { date: '补报' } });
    expect(report('#日报\n形象进度：40%\n日期：11月24日（星期二） 17:30').notes).toBeUndefined();
  });

  it('keeps a remark after the progress figure as its description', () => {
    expect(report('#日报\n形象进度：73%，占年度计划90%')).toMatchObject({ progressPercent: 73, progressText: '占年度计划90%' });
    expect(report('#日报\n形象进度：约45%')).toMatchObject({ progressPercent: 45, progressText: null });
  });

  it('adds up parts but keeps a stated total', () => {
    expect(report('#日报\n施工人数：管理人员12人，作业人员86人\n机械设备：挖机3台、塔吊2台、汽车吊1台')).toMatchObject({ workers: 98, machines: 6 });
    expect(report('#日报\n施工人数：共计98人，其中管理人员12人')).toMatchObject({ workers: 98, notes: { workers: '其中管理人员12人' } });
  });

  it('reads 无 as no people or machines', () => {
    expect(report('#日报\n形象进度：92%\n施工人数：无\n机械设备：无')).toMatchObject({ workers: 0, machines: 0 });
  });

  it('reads words before an amount when the amount says 万, 亿 or 元', () => {
    expect(report('#日报\n形象进度：16%\n累计完成投资：截至目前完成1.8亿元').investmentCumulative).toBe(18000);
    expect(errors('#日报\n形象进度：16%\n累计完成投资：占总投资32%').map((e) => e.key)).toEqual(['investmentCumulative']);
  });

  it('keeps what follows a count after a space as its note', () => {
    expect(report('项目：管廊工程 进度：46% 人数：79 另有监理3人')).toMatchObject({ workers: 79, notes: { workers: '另有监理3人' } });
  });

  it('drops emoji around a remark', () => {
    expect(report('#日报\n形象进度：95%（收尾阶段）👍').progressText).toBe('收尾阶段');
  });

  it('still refuses a field with no figure, or an impossible one, whatever follows', () => {
    expect(errors('#日报\n形象进度：1%\n累计完成投资：待财务核算（约几千万）').map((e) => e.key)).toEqual(['investmentCumulative']);
    expect(errors('#日报\n形象进度：1%\n施工人数：3.5人（含半天工）').map((e) => e.key)).toEqual(['workers']);
  });
});

describe('dates', () => {
  const at = (text: string, postedAt: Date = POSTED) => report(`#日报\n形象进度：1%\n日期：${text}`, postedAt).date;

  it.each([
    ['11月24日', '2026-11-24'],
    ['11月20号', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['11.20', '2026-11-20'],
    ['11-20', '2026-11-20'],
    ['１１月２０日', '2026-11-20'],
    ['11月20日（星期五）', '2026-11-20'],
    ['十一月二十日', '2026-11-20'],
    ['今天', '2026-11-24'],
    ['今日', '2026-11-24'],
    ['昨天', '2026-11-23'],
    ['前天', '2026-11-22'],
  ])('reads %p', (text, date) => {
    expect(at(text)).toBe(date);
  });

  it('defaults to the Shanghai calendar day of posting', () => {
    // 23:30 UTC on the 23rd is already the 24th in Shanghai.
    expect(report('#日报\n形象进度：1%', new Date('2026-11-23T23:30:00Z')).date).toBe('2026-11-24');
    expect(report('#日报\n形象进度：1%', new Date('2026-11-23T15:59:59Z')).date).toBe('2026-11-23');
  });

  it('reads 今天 and 昨天 in Shanghai time', () => {
    expect(at('昨天', new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-23');
  });

  it('puts a year-less date late in the year into the previous year when posted early in January', () => {
    const jan2 = new Date('2027-01-02T09:00:00+08:00');
    expect(at('12月31日', jan2)).toBe('2026-12-31');
    expect(at('12-31', jan2)).toBe('2026-12-31');
    expect(at('1月1日', jan2)).toBe('2027-01-01');
    expect(at('昨天', jan2)).toBe('2027-01-01');
  });

  it('rejects a date after the day of posting', () => {
    expect(errors('#日报\n形象进度：1%\n日期：11月25日')).toEqual<FieldError[]>([
      { key: 'date', field: '日期', message: '日期不能晚于发送当天', got: '11月25日', example: '11月24日' },
    ]);
    expect(errors('#日报\n形象进度：1%\n日期：12月5日')[0]?.message).toBe('日期不能晚于发送当天');
    expect(errors('#日报\n形象进度：1%\n日期：2027-01-01')[0]?.message).toBe('日期不能晚于发送当天');
  });

  it('rejects impossible dates', () => {
    for (const d of ['2月30日', '2026年2月29日', '13月1日', '11月31日', '0月5日']) {
      expect(errors(`#日报\n形象进度：1%\n日期：${d}`)[0]).toMatchObject({ field: '日期', message: '不是有效的日期', got: d });
    }
    expect(at('2028年2月29日', new Date('2028-03-01T09:00:00+08:00'))).toBe('2028-02-29');
  });

  it('rejects text that is no date', () => {
    expect(errors('#日报\n形象进度：1%\n日期：上周')[0]).toMatchObject({ field: '日期', message: '无法识别日期', got: '上周' });
  });

  it('prefers the 日期 field over a bare date line', () => {
    expect(report('#日报\n11月20日\n日期：11月21日\n形象进度：1%').date).toBe('2026-11-21');
    expect(errors('#日报\n11月30日\n形象进度：1%')[0]).toMatchObject({ field: '日期', got: '11月30日' });
  });
});

describe('the first line', () => {
  it.each([
    ['城东中学扩建工程日报', '城东中学扩建工程', '2026-11-24'],
    ['城东中学扩建工程 日报', '城东中学扩建工程', '2026-11-24'],
    ['城东中学扩建工程施工日报', '城东中学扩建工程', '2026-11-24'],
    ['城东中学扩建工程日报（11月23日）', '城东中学扩建工程', '2026-11-23'],
    ['11月23日城东中学扩建工程日报', '城东中学扩建工程', '2026-11-23'],
    ['城东中学扩建工程11月23日日报', '城东中学扩建工程', '2026-11-23'],
    ['【日报】城东中学扩建工程 11月23日', '城东中学扩建工程', '2026-11-23'],
    ['#日报 城东中学扩建工程 11月23日（星期一）', '城东中学扩建工程', '2026-11-23'],
    ['#日报 城东中学扩建工程 2026年11月23日', '城东中学扩建工程', '2026-11-23'],
    ['#日报 城东中学扩建工程 昨天', '城东中学扩建工程', '2026-11-23'],
    ['#日报 3.5万吨污水处理厂', '3.5万吨污水处理厂', '2026-11-24'],
  ])('reads %p as the project and the report’s date', (line, project, date) => {
    expect(report(`${line}\n形象进度：52%`)).toMatchObject({ project, date });
  });

  it.each([
    ['#城东中学扩建工程日报#', '城东中学扩建工程', '2026-11-24'],
    ['【11月23日日报】城东中学扩建工程', '城东中学扩建工程', '2026-11-23'],
    ['【城东中学扩建工程】日报 11月23日', '城东中学扩建工程', '2026-11-23'],
  ])('reads a title with hash marks or brackets: %p', (line, project, date) => {
    expect(report(`${line}\n形象进度：52%`)).toMatchObject({ project, date });
  });

  it('reads figures run together on the tag’s line, in Chinese numerals too', () => {
    expect(report('#日报 城北污水处理厂二期今天形象进度达到百分之六十施工人数八十五人')).toMatchObject({
      project: '城北污水处理厂二期',
      progressPercent: 60,
      workers: 85,
    });
  });

  it('refuses a date in the header after the day the report is sent', () => {
    expect(errors('【日报】城东中学扩建工程 11月26日\n形象进度：52%')[0]).toMatchObject({ field: '日期', got: '11月26日' });
  });

  it('leaves a sentence that ends with 日报 alone unless fields follow', () => {
    expect(kind('请各项目按时报送日报')).toBe('ignored');
    expect(kind('好的，明天补报日报')).toBe('ignored');
    expect(kind('今天的日报晚点发\n形象进度：52%')).toBe('ignored');
  });

  it.each([
    '（更正）城东中学扩建工程日报\n形象进度：52%',
    '【日报】（更正）城东中学扩建工程\n形象进度：52%',
    '#日报 更正 城东中学扩建工程\n形象进度：52%',
    '更正：\n#日报 城东中学扩建工程\n形象进度：52%',
    '（更正）#日报\n项目名称：城东中学扩建工程\n形象进度：52%',
    '#日报\n（更正）\n项目名称：城东中学扩建工程\n形象进度：52%',
  ])('marks a correction, never part of the project name: %p', (text) => {
    expect(report(text)).toMatchObject({ project: '城东中学扩建工程', correction: true });
  });

  it('marks nothing when there is no correction, and takes 补报 for no name', () => {
    expect(report('#日报 城东中学扩建工程\n形象进度：52%').correction).toBeUndefined();
    expect(report('【日报】（补报）城东中学扩建工程 11月20日\n形象进度：52%')).toMatchObject({ project: '城东中学扩建工程', date: '2026-11-20' });
  });

  it('reads a year-less December date in early January as last year’s', () => {
    expect(report('【日报】港口物流仓储中心 12月30日\n形象进度：25%', new Date('2027-01-02T08:10:00+08:00')).date).toBe('2026-12-30');
  });
});

describe('a project’s name on a line of its own', () => {
  it('names the project when it comes before the fields', () => {
    expect(report('城东中学扩建工程\n形象进度：46%\n施工人数：118人\n累计完成投资：3600万元').project).toBe('城东中学扩建工程');
    expect(report('#日报\n【数据中心项目】\n形象进度：38%').project).toBe('数据中心项目');
    expect(report('#日报\n一、安置房（二期）\n形象进度：38%').project).toBe('安置房（二期）');
    expect(report('#日报\n城东中学扩建工程：形象进度52%，施工人数126人')).toMatchObject({ project: '城东中学扩建工程', progressPercent: 52, workers: 126 });
  });

  it('takes any phrase before a colon and the line’s fields as the name', () => {
    expect(report('#日报\n1、城南污水泵站：形象进度52%，人数33人')).toMatchObject({ project: '城南污水泵站', progressPercent: 52, workers: 33 });
    expect(report('#日报\n科创孵化器：形象进度85%').project).toBe('科创孵化器');
  });

  it('gives way to a labelled name', () => {
    expect(report('#日报\n城东中学扩建工程\n项目名称：城东中学扩建工程（二期）\n形象进度：38%').project).toBe('城东中学扩建工程（二期）');
  });

  it('is no name when it is a greeting, or a line under a field', () => {
    expect(report('#日报\n各位领导好，今日情况如下\n形象进度：38%').project).toBeNull();
    expect(report('#日报\n今日进展：\n1、综合楼主体工程\n形象进度：38%')).toMatchObject({ project: null, todayWork: '1、综合楼主体工程' });
  });
});

describe('a table pasted from Excel or WPS', () => {
  it('reads a header row and one data row as one report, with units from the header', () => {
    const text = '#日报\n序号\t项目名称\t形象进度（%）\t施工人数（人）\t累计完成投资（亿元）\t存在问题\n1\t汽车零部件智能制造项目\t60\t110\t1.3\t无';
    expect(report(text)).toEqual<Report>({ ...EMPTY, project: '汽车零部件智能制造项目', progressPercent: 60, workers: 110, investmentCumulative: 13000 });
  });

  it('reads a row per project as several reports', () => {
    const r = parseMessage('项目名称\t形象进度\t施工人数\n冷链物流基地\t21%\t36\n环湖大道提升工程\t84%\t若干', POSTED);
    expect(r).toMatchObject({
      kind: 'reports',
      reports: [
        { kind: 'report', report: { project: '冷链物流基地', progressPercent: 21, workers: 36 } },
        { kind: 'invalid', project: '环湖大道提升工程', errors: [{ key: 'workers', got: '若干' }] },
      ],
    });
  });

  it('takes a row with labels and values side by side for a line of fields', () => {
    expect(report('#日报\n形象进度\t45%\t施工人数\t120')).toMatchObject({ progressPercent: 45, workers: 120 });
  });

  it('refuses more projects than one liaison reports on, naming the project field', () => {
    const rows = (n: number) => ['项目名称\t形象进度', ...Array.from({ length: n }, (_, i) => `项目${i + 1}号地块工程\t${i}%`)].join('\n');
    expect(parseMessage(rows(MAX_PROJECTS), POSTED)).toMatchObject({ kind: 'reports', reports: { length: MAX_PROJECTS } });
    expect(errors(rows(MAX_PROJECTS + 1))).toEqual<FieldError[]>([
      { key: 'project', field: '项目名称', message: '一条消息最多报送 50 个项目的日报，请分几条发送', got: '', example: '精细化工中间体项目' },
    ]);
  });

  it('does not take rows without a project column for several projects', () => {
    expect(errors('形象进度\t施工人数\t机械设备\n21%\t36\t3\n84%\t26\t3').map((e) => e.key)).toEqual(['progressPercent', 'workers']);
  });
});

describe('several projects in one message', () => {
  const combined = (lines: string[]) => parseMessage(lines.join('\n'), POSTED);

  it('reads sections headed by project names, each on its own, with the header’s date', () => {
    const r = combined(['【日报】城关镇 11月23日', '一、城东中学扩建工程', '形象进度：52%', '存在问题：无', '二、港口物流仓储中心', '形象进度：14%', '存在问题：临时用电容量不足']);
    expect(r).toEqual<ParseResult>({
      kind: 'reports',
      reports: [
        { kind: 'report', report: { ...EMPTY, project: '城东中学扩建工程', date: '2026-11-23', progressPercent: 52 } },
        { kind: 'report', report: { ...EMPTY, project: '港口物流仓储中心', date: '2026-11-23', progressPercent: 14, problems: ['临时用电容量不足'] } },
      ],
    });
  });

  it('starts a project at each 项目名称 after fields, and at a name before a line of fields', () => {
    expect(combined(['#日报', '项目名称：冷链物流基地', '施工人数：36人', '项目名称：文体中心', '施工人数：42人'])).toMatchObject({
      kind: 'reports',
      reports: [{ report: { project: '冷链物流基地', workers: 36 } }, { report: { project: '文体中心', workers: 42 } }],
    });
    expect(combined(['#日报', '1. 城东中学扩建工程：形象进度52%，施工人数126人', '2. 港口物流仓储中心：形象进度14%，施工人数24人'])).toMatchObject({
      kind: 'reports',
      reports: [{ report: { project: '城东中学扩建工程', workers: 126 } }, { report: { project: '港口物流仓储中心', workers: 24 } }],
    });
  });

  it('names each project to fix by its name as written, and marks corrections on all', () => {
    const r = combined(['（更正）#日报', '【文体中心】', '形象进度：78%', '【数据中心项目】', '形象进度：百分之一百三']);
    expect(r).toMatchObject({
      kind: 'reports',
      reports: [
        { kind: 'report', report: { project: '文体中心', progressPercent: 78, correction: true } },
        { kind: 'invalid', project: '数据中心项目', errors: [{ key: 'progressPercent', got: '百分之一百三' }] },
      ],
    });
  });

  it('gives a date written before the first project to every project', () => {
    expect(combined(['日期：11月23日', '项目名称：冷链物流基地', '形象进度：22%', '项目名称：文体中心', '形象进度：77%'])).toMatchObject({
      kind: 'reports',
      reports: [{ report: { project: '冷链物流基地', date: '2026-11-23' } }, { report: { project: '文体中心', date: '2026-11-23' } }],
    });
  });

  it('keeps one report whose work items look like names', () => {
    expect(kind('#日报 城东中学扩建工程\n今日进展：综合楼浇筑\n2、综合楼主体工程\n形象进度：53%\n施工人数：128人')).toBe('report');
    expect(kind('#日报\n项目名称：城东中学扩建工程\n形象进度：53%\n一、综合楼主体工程\n施工人数：128人')).toBe('report');
  });

  it('keeps the rule that one field given twice differently is refused when no project names part them', () => {
    expect(errors('#日报\n形象进度：38%\n施工人数：64\n人数：60').map((e) => e.key)).toEqual(['workers']);
  });
});

describe('content and conflicts', () => {
  it('asks for content when a tagged message has no field', () => {
    expect(errors('#日报')).toEqual<FieldError[]>([
      { key: 'progressPercent', field: '形象进度', message: '未找到进度内容', got: '', example: '38%' },
    ]);
    expect(errors('【日报】港口物流仓储中心')[0]?.message).toBe('未找到进度内容');
  });

  it('asks for content when only side fields are given', () => {
    const e = errors('#日报\n项目名称：港口物流仓储中心\n日期：11月20日\n存在问题：无\n明日计划：桩基检测');
    expect(e.map((x) => x.message)).toEqual(['未找到进度内容']);
  });

  it.each(['形象进度：38%', '今日进展：桩基检测', '施工人数：20', '累计完成投资：2800万元'])('accepts %p alone as content', (line) => {
    expect(kind(`#日报\n${line}`)).toBe('report');
  });

  it('rejects a one-value field given twice with different values', () => {
    const e = errors('#日报\n形象进度：38%\n施工人数：64\n人数：60');
    expect(e).toEqual<FieldError[]>([
      { key: 'workers', field: '施工人数', message: '施工人数填写了多个不同的值', got: '64 / 60', example: '64人' },
    ]);
  });

  it('accepts a field repeated with the same value', () => {
    expect(report('#日报\n形象进度：38%\n施工人数：64\n人数：64').workers).toBe(64);
  });
});

describe('a progress value with more than one percentage', () => {
  it('takes the last as the progress and keeps the phrase', () => {
    const r = parseMessage('#日报\n形象进度：从30%提升到38%\n今日进展：主体施工', new Date('2026-11-24T17:00:00+08:00'));
    expect(r).toMatchObject({ kind: 'report', report: { progressPercent: 38, progressText: '从30%提升到38%' } });
  });
});

describe('a notice that begins with 日报', () => {
  it('is not a report unless it carries fields, while #日报 alone still asks for content', () => {
    const at = new Date('2026-11-24T10:00:00+08:00');
    expect(parseMessage('日报：请各项目今天18点前报送', at)).toEqual({ kind: 'ignored' });
    expect(parseMessage('日报：形象进度：38%', at)).toMatchObject({ kind: 'report', report: { progressPercent: 38 } });
    expect(parseMessage('#日报', at).kind).toBe('invalid');
  });
});
