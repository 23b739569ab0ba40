import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { periodOf } from '../../src/core/stats/period';
import type { Leader, StatsInput, StatsProject, StatsReport } from '../../src/core/stats/types';
import { computeStats } from '../../src/core/stats/stats';
import { bulletinWorkbook, HEADER_ROW, writeBulletinXlsx } from '../../src/render/xlsx';
import { addDays } from '../../src/time/clock';
import { statsProject, statsReport } from '../support/stats';

// ---------------------------------------------------------------------------------------------
// November 2026 in a small district, today 1 December: the figures run to Mon 30 November.
// Workdays here are plain Monday to Friday: 2–6, 9–13, 16–20, 23–27 and 30 November (21).
//
// 甲 (东城街道, 住建局, 张三): reports every workday; 累计完成投资 300 at the end of 2025, 800 on
//   31 Oct, 1012.34 on 30 Nov: 212.34 in the month, 712.34 in the year, 71.2% of its plan of 1000.
// 乙 (西城镇, 交通局, 李四): last report Fri 20 Nov, so 23–27 Nov missed (5 workdays): red.
//   累计 500 on 31 Oct, 600 on 20 Nov: 100 in the month; planned to start 1 June and no figure
//   before the year, so the year counts from zero: 600, 30.0% of 2000. One open problem since 15 Oct
//   (46 days on 30 Nov).
// 丙 (东城街道, 住建局, 张三): last report Wed 25 Nov, so 26–27 Nov missed (2): yellow. No plan.

const isWorkday = (d: string) => {
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

const P = (over: Parameters<typeof statsProject>[0]): StatsProject => statsProject({ plannedStart: '2026-03-01', ...over });
const report = statsReport;

/** A report on each workday from `from` to `to`, 形象进度 rising by one a day. */
function daily(projectId: number, from: string, to: string, startPercent: number): StatsReport[] {
  const out: StatsReport[] = [];
  for (let d = from, i = 0; d <= to; d = addDays(d, 1)) if (isWorkday(d)) out.push(report(projectId, d, { progressPercent: startPercent + i++ }));
  return out;
}

const ZHANG: Leader = { id: 7, name: '张三' };
const LI: Leader = { id: 8, name: '李四' };

function november(): StatsInput {
  const projects = [
    P({ id: 1, name: '甲项目', annualPlan: 1000, town: '东城街道', unit: '住建局', leader: '张三' }),
    P({ id: 2, name: '乙项目', annualPlan: 2000, plannedStart: '2026-06-01', town: '西城镇', unit: '交通局', leader: '李四' }),
    P({ id: 3, name: '丙项目', town: '东城街道', unit: '住建局', leader: '张三' }),
  ];
  const reports: StatsReport[] = [
    report(1, '2025-12-31', { investmentCumulative: 300 }),
    report(1, '2026-10-31', { investmentCumulative: 800, progressPercent: 40 }),
    ...daily(1, '2026-11-02', '2026-11-27', 41),
    report(1, '2026-11-30', { investmentCumulative: 1012.34, progressPercent: 70 }),
    report(2, '2026-10-31', { investmentCumulative: 500, progressPercent: 20 }),
    ...daily(2, '2026-11-02', '2026-11-19', 21),
    report(2, '2026-11-20', { investmentCumulative: 600, progressPercent: 35 }),
    ...daily(3, '2026-11-02', '2026-11-25', 10),
  ];
  return {
    period: periodOf('month', '2026-11'),
    today: '2026-12-01',
    projects,
    reports,
    stoppages: [],
    problems: [
      { id: 1, projectId: 2, text: '征地未完成', firstDate: '2026-10-15', status: 'open', closedAt: null },
      { id: 2, projectId: 1, text: '临时用电', firstDate: '2026-11-02', status: 'closed', closedAt: '2026-11-10T10:00:00+08:00' },
    ],
    comments: [{ projectId: 1, date: '2026-11-02', personId: 7, delayHours: 2 }],
    leaders: new Map([
      [1, [ZHANG]],
      [2, [LI]],
      [3, [ZHANG]],
    ]),
    boundSince: new Map([
      [1, '2026-11-01'],
      [2, '2026-11-01'],
      [3, '2026-11-01'],
    ]),
    isWorkday,
  };
}

const TITLE = '2026年11月全区重点项目建设情况通报';
const FIRST = HEADER_ROW + 1;

describe('the bulletin workbook', () => {
  let dir: string;
  let book: ExcelJS.Workbook;
  const sheet = (name: string) => book.getWorksheet(name)!;
  /** The data row whose column A (or `col`) reads `text`. */
  const rowOf = (ws: ExcelJS.Worksheet, text: string, col = 1) => {
    for (let r = FIRST; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return ws.getRow(r);
    throw new Error(`no row ${text} in ${ws.name}`);
  };
  const red = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  const yellow = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };

  beforeAll(async () => {
    const input = november();
    const byTown = computeStats(input, 'town');
    const byUnit = computeStats(input, 'unit');
    // The fixture is what the comments above say.
    expect(byTown.projects.map((p) => p.light)).toEqual(['green', 'red', 'yellow']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-xlsx-'));
    const file = path.join(dir, 'bulletin.xlsx');
    await writeBulletinXlsx({ title: TITLE, byTown, byUnit, projects: input.projects }, file);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has the six sheets in order', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '按镇街', '按单位', '项目明细', '问题', '预警']);
  });

  it('titles every sheet across its table, freezes a bold header and prints A4 landscape fitted to width', () => {
    for (const ws of book.worksheets) {
      const title = ws.getCell('A1');
      expect(String(title.value)).toContain(TITLE);
      expect(title.font?.bold).toBe(true);
      const lastColumn = ws.getRow(HEADER_ROW).cellCount;
      // The title is merged over the whole header width.
      expect(ws.getCell(1, lastColumn).isMerged).toBe(true);
      expect(ws.getCell(1, lastColumn).master.address).toBe('A1');
      expect(ws.getCell(1, lastColumn + 1).isMerged).toBe(false);
      expect(ws.getCell('A2').value).toBe('统计期间：2026-11-01 至 2026-11-30' + (ws.name === '问题' ? '；已持续天数算至 2026-11-30' : ''));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(ws.getCell(HEADER_ROW, 1).font?.bold).toBe(true);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      for (let c = 1; c <= lastColumn; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(5);
    }
    expect(sheet('汇总').getCell('A1').value).toBe(TITLE);
    expect(sheet('按镇街').getCell('A1').value).toBe(`${TITLE}（按镇街）`);
  });

  it('sums up the district, rates as percentages and money in 万元 with two decimals', () => {
    const ws = sheet('汇总');
    expect(ws.getCell(HEADER_ROW, 1).value).toBe('指标');
    // 21 + 15 + 18 received of 3 × 21 due = 85.7%.
    const reporting = rowOf(ws, '报送率');
    expect(reporting.getCell(2).value).toBeCloseTo(0.857, 10);
    expect(reporting.getCell(2).numFmt).toBe('0.0%');
    expect(reporting.getCell(3).value).toBe('应报 63 次，实报 54 次，漏报 9 次');
    const period = rowOf(ws, '本期完成投资（万元）').getCell(2);
    expect(period.value).toBeCloseTo(312.34, 10);
    expect(period.numFmt).toBe('0.00');
    // 1312.34 of 3000 = 43.7%; 序时进度 on 30 Nov is day 334 of 365 = 91.5%.
    expect(rowOf(ws, '投资完成率').getCell(2).value).toBeCloseTo(0.437, 10);
    expect(rowOf(ws, '序时进度').getCell(2).value).toBeCloseTo(0.915, 10);
    const behind = rowOf(ws, '较序时进度（百分点）');
    expect(behind.getCell(2).value).toBeCloseTo(-47.8, 10);
    expect(behind.getCell(3).value).toBe('低于序时进度 47.8 个百分点');
    const reds = rowOf(ws, '红灯（个）').getCell(2);
    expect(reds.value).toBe(1);
    expect(reds.fill).toMatchObject(red);
    expect(rowOf(ws, '未解决问题（个）').getCell(2).value).toBe(1);
    // 54 reported days, one leader each; 张三 commented once: 1 of 54 = 1.9%.
    expect(rowOf(ws, '领导点评率').getCell(2).value).toBeCloseTo(0.019, 10);
  });

  it('lists the towns and the units with a bold total row', () => {
    const ws = sheet('按镇街');
    expect(ws.getRow(HEADER_ROW).values).toEqual(expect.arrayContaining(['镇街', '本期完成投资（万元）', '投资完成率', '红灯']));
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect([FIRST, FIRST + 1, FIRST + 2].map((r) => ws.getCell(r, 1).value)).toEqual(['东城街道', '西城镇', '合计']);
    const east = ws.getRow(FIRST);
    expect(east.getCell(col('本期完成投资（万元）')).value).toBeCloseTo(212.34, 10);
    expect(east.getCell(col('本期完成投资（万元）')).numFmt).toBe('0.00');
    // 丙 has no plan: 712.34 of 1000.
    expect(east.getCell(col('投资完成率')).value).toBeCloseTo(0.712, 10);
    expect(east.getCell(col('投资完成率')).numFmt).toBe('0.0%');
    expect(east.getCell(col('黄灯')).fill).toMatchObject(yellow);
    const west = ws.getRow(FIRST + 1);
    expect(west.getCell(col('红灯')).value).toBe(1);
    expect(west.getCell(col('红灯')).fill).toMatchObject(red);
    const total = ws.getRow(FIRST + 2);
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(total.getCell(col('年度计划投资（万元）')).value).toBe(3000);
    expect(total.getCell(col('项目数')).value).toBe(3);

    const units = sheet('按单位');
    expect(units.getCell(HEADER_ROW, 1).value).toBe('责任单位');
    expect([FIRST, FIRST + 1, FIRST + 2].map((r) => units.getCell(r, 1).value)).toEqual(['交通局', '住建局', '合计']);
  });

  it('details every project and fills the red light', () => {
    const ws = sheet('项目明细');
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号', '项目名称', '镇街', '责任单位', '帮包领导', '状态', '应报（次）', '实报（次）', '报送率',
      '本期完成投资（万元）', '年度累计完成（万元）', '年度计划投资（万元）', '投资完成率', '形象进度提升（百分点）', '灯色',
    ]);
    const jia = rowOf(ws, '甲项目', 2);
    expect(jia.getCell(1).value).toBe(1);
    expect(jia.getCell(10).value).toBeCloseTo(212.34, 10);
    expect(jia.getCell(10).numFmt).toBe('0.00');
    expect(jia.getCell(11).value).toBeCloseTo(712.34, 10);
    expect(jia.getCell(13).value).toBeCloseTo(0.712, 10);
    // 40 on 31 Oct to 70 on 30 Nov.
    expect(jia.getCell(14).value).toBe(30);
    expect(jia.getCell(14).numFmt).toBe('+0.0;-0.0;0.0');
    expect(jia.getCell(15).value).toBe('绿灯');
    expect((jia.getCell(15).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');

    const yi = rowOf(ws, '乙项目', 2);
    expect([2, 3, 4, 5, 6].map((c) => yi.getCell(c).value)).toEqual(['乙项目', '西城镇', '交通局', '李四', '在建']);
    expect([7, 8].map((c) => yi.getCell(c).value)).toEqual([21, 15]);
    expect(yi.getCell(9).value).toBeCloseTo(0.714, 10);
    expect(yi.getCell(11).value).toBe(600);
    expect(yi.getCell(13).value).toBeCloseTo(0.3, 10);
    expect(yi.getCell(15).value).toBe('红灯');
    expect(yi.getCell(15).fill).toMatchObject(red);

    const bing = rowOf(ws, '丙项目', 2);
    expect(bing.getCell(12).value).toBe('—');
    expect(bing.getCell(15).fill).toMatchObject(yellow);
  });

  it('lists the open problems with their ages', () => {
    const ws = sheet('问题');
    expect(ws.rowCount).toBe(FIRST);
    const row = ws.getRow(FIRST);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value)).toEqual([1, '乙项目', '西城镇', '交通局', '征地未完成', '2026-10-15', 46]);
  });

  it('lists red lights before yellow with their warnings', () => {
    const ws = sheet('预警');
    expect(ws.rowCount).toBe(FIRST + 1);
    const first = ws.getRow(FIRST);
    expect(first.getCell(2).value).toBe('乙项目');
    expect(first.getCell(6).value).toBe('红灯');
    expect(first.getCell(6).fill).toMatchObject(red);
    expect(first.getCell(7).value).toBe('绿灯');
    expect(String(first.getCell(8).value)).toMatch(/乙项目.*5/);
    const second = ws.getRow(FIRST + 1);
    expect(second.getCell(2).value).toBe('丙项目');
    expect(second.getCell(6).fill).toMatchObject(yellow);
  });
});

describe('a monthly workbook with 表扬 and 通报批评', () => {
  it('names each commended and criticised project, with why, in a last column of the project sheet', async () => {
    const input = november();
    const byTown = computeStats(input, 'town');
    const honours = {
      commended: [{ projectId: 1, name: '甲项目', reasons: ['日报报送率 100.0%', '绿灯'] }],
      criticised: [{ projectId: 2, name: '乙项目', reasons: ['日报报送率 71.4%（低于 80%）', '红灯：连续 5 个工作日未报日报'] }],
    };
    const book = bulletinWorkbook({ title: TITLE, byTown, byUnit: computeStats(input, 'unit'), projects: input.projects, honours });
    const ws = book.getWorksheet('项目明细')!;
    expect(ws.getCell(HEADER_ROW, 16).value).toBe('表扬/通报批评');
    const cellOf = (name: string) => {
      for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === name) return ws.getCell(r, 16).value;
      throw new Error(name);
    };
    expect(cellOf('甲项目')).toBe('表扬：日报报送率 100.0%，绿灯');
    expect(cellOf('乙项目')).toBe('通报批评：日报报送率 71.4%（低于 80%）；红灯：连续 5 个工作日未报日报');
    expect(cellOf('丙项目')).toBe('');
  });
});

