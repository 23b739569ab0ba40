/**
 * The 月通报 as an .xlsx workbook for the dispatch group and for printing: 汇总, 按镇街, 按单位,
 * 项目明细, 问题 and 预警. Each sheet has a title merged across its table, a bold header row that stays
 * frozen and repeats on every printed page, set column widths, money in 万元 with two decimals, rates
 * as percentages, points with one decimal, red/yellow fills on lights, and A4 landscape fitted to width.
 *
 * The figures come from `computeStats`, once grouped by 镇街 and once by 责任单位 (same input). The
 * project rows themselves are passed too: the figures do not carry a project's status or leader.
 */
import ExcelJS from 'exceljs';
import type { GroupFigures, Light, ProjectFigures, StatsFigures, StatsProject } from '../core/stats/types';
import { UNASSIGNED } from '../core/stats/group';
import type { Honours } from '../core/stats/honours';
import { sheetValue } from './cells';

export interface BulletinXlsxInput {
  /** e.g. `2026年10月全区重点项目建设情况通报`; the first row of every sheet. */
  title: string;
  /** `computeStats(input, 'town')`. */
  byTown: StatsFigures;
  /** `computeStats(input, 'unit')` over the same input. */
  byUnit: StatsFigures;
  /** The projects given to `computeStats`: town, unit, leader and status of each row. */
  projects: readonly StatsProject[];
  /** A monthly bulletin's 表扬 and 通报批评: a last column of the project sheet names each with why. */
  honours?: Honours | null;
}

export const SHEETS = { summary: '汇总', byTown: '按镇街', byUnit: '按单位', projects: '项目明细', problems: '问题', warnings: '预警' } as const;

export const MONEY_FMT = '0.00';
export const RATE_FMT = '0.0%';
export const POINTS_FMT = '+0.0;-0.0;0.0';
const COUNT_FMT = '0';
const DAYS_FMT = '0.0';

/** Fills and fonts of the lights (Excel's own "light red fill with dark red text" style and its yellow). */
export const LIGHT_FILLS: Record<Exclude<Light, 'green'>, { fill: string; font: string }> = {
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
};
const HEADER_FILL = 'FFD9E1F2';
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
const MISSING = '—';

/** Title, subtitle, header: the data starts below. */
export const HEADER_ROW = 3;

type Value = string | number | null;

interface Column<T> {
  header: string;
  /** Characters; not 9, which exceljs takes for its default and leaves out of the file. */
  width: number;
  fmt?: string;
  value: (row: T) => Value;
  /** A light whose fill the cell takes. */
  light?: (row: T) => Light | null;
  align?: 'left' | 'center' | 'right';
}

/** Percent from the stats (77.8) as the fraction a '0.0%' cell holds (0.778). */
const rate = (percent: number | null): Value => (percent === null ? null : Math.round(percent * 10) / 1000);

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function paintLight(cell: ExcelJS.Cell, light: Light | null): void {
  if (light === null || light === 'green') return;
  const style = LIGHT_FILLS[light];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
  cell.font = { color: { argb: style.font } };
}

function newSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
}

/**
 * One titled, printable table: title merged across the columns (row 1), subtitle (row 2), bold
 * frozen header (row 3), then the rows; `total`, when given, is a bold last row.
 */
function table<T>(sheet: ExcelJS.Worksheet, title: string, subtitle: string, columns: readonly Column<T>[], rows: readonly T[], total?: T): void {
  const n = columns.length;
  sheet.mergeCells(1, 1, 1, n);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(2, 1, 2, n);
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.alignment = { horizontal: 'right', vertical: 'middle' };
  sub.font = { size: 10 };

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 32;

  const all = total === undefined ? rows : [...rows, total];
  all.forEach((r, k) => {
    const row = sheet.getRow(HEADER_ROW + 1 + k);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = c.value(r);
      cell.value = v === null ? MISSING : sheetValue(v);
      if (typeof v === 'number' && c.fmt) cell.numFmt = c.fmt;
      const align = v === null ? 'center' : (c.align ?? (typeof v === 'number' ? 'right' : 'left'));
      cell.alignment = { horizontal: align, vertical: 'middle', wrapText: typeof v === 'string' };
      cell.border = BORDER;
      paintLight(cell, c.light?.(r) ?? null);
      if (k === rows.length) cell.font = { ...cell.font, bold: true };
    });
  });
}

function subtitleOf(f: StatsFigures): string {
  const { from, to } = f.period;
  const asOf = f.asOf === to ? '' : `，截至 ${f.asOf}`;
  return `统计期间：${from} 至 ${to}${asOf}`;
}

// ---------------------------------------------------------------------------------------------
// 汇总

interface SummaryRow {
  item: string;
  value: Value;
  fmt?: string;
  note?: string;
}

function summaryRows(f: StatsFigures): SummaryRow[] {
  const o = f.overall;
  const inv = o.investment;
  const p = o.problems;
  return [
    { item: '统计期间', value: `${f.period.from} 至 ${f.period.to}`, note: f.asOf === f.period.to ? '' : `统计截至 ${f.asOf}` },
    { item: '项目数（个）', value: o.projects, fmt: COUNT_FMT },
    { item: '报送率', value: rate(o.reporting.rate), fmt: RATE_FMT, note: `应报 ${o.reporting.due} 次，实报 ${o.reporting.received} 次，漏报 ${o.reporting.missed} 次` },
    { item: '开工率', value: rate(o.start.rate), fmt: RATE_FMT, note: `应开工 ${o.start.due} 个，已开工 ${o.start.started} 个` },
    { item: '入库率', value: rate(o.registration.rate), fmt: RATE_FMT, note: `已开工 ${o.registration.started} 个，已入库 ${o.registration.registered} 个` },
    { item: '本期完成投资（万元）', value: inv.period, fmt: MONEY_FMT },
    { item: '年度累计完成投资（万元）', value: inv.yearToDate, fmt: MONEY_FMT },
    { item: '年度计划投资（万元）', value: inv.annualPlan, fmt: MONEY_FMT },
    { item: '投资完成率', value: rate(inv.completionRate), fmt: RATE_FMT, note: inv.phrase ?? '' },
    { item: '序时进度', value: rate(f.schedulePercent), fmt: RATE_FMT, note: `截至 ${f.asOf} 的全年时间进度` },
    { item: '较序时进度（百分点）', value: inv.aheadPoints, fmt: POINTS_FMT, note: inv.phrase ?? '' },
    { item: '平均形象进度提升（百分点）', value: o.progress.gained, fmt: POINTS_FMT, note: `有进度数据 ${o.progress.measured} 个，停滞 ${o.progress.stagnant} 个` },
    { item: '红灯（个）', value: o.lights.red, fmt: COUNT_FMT, note: `新转红 ${o.lights.newRed} 个` },
    { item: '黄灯（个）', value: o.lights.yellow, fmt: COUNT_FMT },
    { item: '绿灯（个）', value: o.lights.green, fmt: COUNT_FMT, note: `灯色较上期变化 ${o.lights.changed} 个` },
    { item: '本期新提出问题（个）', value: p.raised, fmt: COUNT_FMT },
    { item: '本期销号问题（个）', value: p.closed, fmt: COUNT_FMT },
    { item: '未解决问题（个）', value: p.open, fmt: COUNT_FMT, note: p.open ? `平均已持续 ${p.averageOpenAgeDays} 天，最长 ${p.oldestOpenDays} 天` : '' },
    { item: '领导点评率', value: rate(o.comments.rate), fmt: RATE_FMT, note: `应点评 ${o.comments.due} 次，已点评 ${o.comments.commented} 次` },
    { item: '平均点评时长（小时）', value: o.comments.averageDelayHours, fmt: DAYS_FMT },
  ];
}

function summarySheet(book: ExcelJS.Workbook, title: string, f: StatsFigures): void {
  const sheet = newSheet(book, SHEETS.summary);
  const rows = summaryRows(f);
  table<SummaryRow>(sheet, title, subtitleOf(f), [
    { header: '指标', width: 28, value: (r) => r.item },
    { header: '数值', width: 16, value: (r) => r.value, align: 'right' },
    { header: '说明', width: 48, value: (r) => r.note ?? '' },
  ], rows);
  // Each row has its own unit, so the format goes by row rather than by column.
  rows.forEach((r, k) => {
    const cell = sheet.getCell(HEADER_ROW + 1 + k, 2);
    if (r.fmt && typeof r.value === 'number') cell.numFmt = r.fmt;
  });
  const red = sheet.getCell(HEADER_ROW + 1 + rows.findIndex((r) => r.item.startsWith('红灯')), 2);
  if (f.overall.lights.red > 0) paintLight(red, 'red');
  const yellow = sheet.getCell(HEADER_ROW + 1 + rows.findIndex((r) => r.item.startsWith('黄灯')), 2);
  if (f.overall.lights.yellow > 0) paintLight(yellow, 'yellow');
}

// ---------------------------------------------------------------------------------------------
// 按镇街 / 按单位

function groupColumns(keyHeader: string): Column<GroupFigures>[] {
  return [
    { header: keyHeader, width: 16, value: (g) => g.key },
    { header: '项目数', width: 7, fmt: COUNT_FMT, value: (g) => g.projects },
    { header: '应报（次）', width: 8, fmt: COUNT_FMT, value: (g) => g.reporting.due },
    { header: '实报（次）', width: 8, fmt: COUNT_FMT, value: (g) => g.reporting.received },
    { header: '报送率', width: 8, fmt: RATE_FMT, value: (g) => rate(g.reporting.rate) },
    { header: '开工率', width: 8, fmt: RATE_FMT, value: (g) => rate(g.start.rate) },
    { header: '入库率', width: 8, fmt: RATE_FMT, value: (g) => rate(g.registration.rate) },
    { header: '本期完成投资（万元）', width: 13, fmt: MONEY_FMT, value: (g) => g.investment.period },
    { header: '年度累计完成（万元）', width: 13, fmt: MONEY_FMT, value: (g) => g.investment.yearToDate },
    { header: '年度计划投资（万元）', width: 13, fmt: MONEY_FMT, value: (g) => g.investment.annualPlan },
    { header: '投资完成率', width: 10, fmt: RATE_FMT, value: (g) => rate(g.investment.completionRate) },
    { header: '较序时进度（百分点）', width: 11, fmt: POINTS_FMT, value: (g) => g.investment.aheadPoints },
    { header: '平均进度提升（百分点）', width: 11, fmt: POINTS_FMT, value: (g) => g.progress.gained },
    { header: '停滞（个）', width: 7, fmt: COUNT_FMT, value: (g) => g.progress.stagnant },
    { header: '红灯', width: 6, fmt: COUNT_FMT, value: (g) => g.lights.red, light: (g) => (g.lights.red > 0 ? 'red' : null) },
    { header: '黄灯', width: 6, fmt: COUNT_FMT, value: (g) => g.lights.yellow, light: (g) => (g.lights.yellow > 0 ? 'yellow' : null) },
    { header: '绿灯', width: 6, fmt: COUNT_FMT, value: (g) => g.lights.green },
    { header: '未解决问题', width: 8, fmt: COUNT_FMT, value: (g) => g.problems.open },
    { header: '点评率', width: 8, fmt: RATE_FMT, value: (g) => rate(g.comments.rate) },
  ];
}

function groupSheet(book: ExcelJS.Workbook, name: string, title: string, keyHeader: string, f: StatsFigures): void {
  const sheet = newSheet(book, name);
  const total: GroupFigures = { ...f.overall, key: '合计' };
  table(sheet, `${title}（${name}）`, subtitleOf(f), groupColumns(keyHeader), f.groups, total);
}

// ---------------------------------------------------------------------------------------------
// 项目明细, 问题, 预警

interface ProjectRow {
  figures: ProjectFigures;
  project: StatsProject | undefined;
}

const field = (r: ProjectRow, key: 'town' | 'unit' | 'leader'): string => r.project?.[key] ?? UNASSIGNED;

function projectColumns(honours: Honours | null): Column<ProjectRow>[] {
  const named = new Map<number, string>();
  for (const h of honours?.commended ?? []) named.set(h.projectId, `表扬：${h.reasons.join('，')}`);
  for (const h of honours?.criticised ?? []) named.set(h.projectId, `通报批评：${h.reasons.join('；')}`);
  const columns: Column<ProjectRow>[] = [
    { header: '序号', width: 5, fmt: COUNT_FMT, value: () => null, align: 'center' },
    { header: '项目名称', width: 26, value: (r) => r.figures.name },
    { header: '镇街', width: 10, value: (r) => field(r, 'town') },
    { header: '责任单位', width: 12, value: (r) => field(r, 'unit') },
    { header: '帮包领导', width: 10, value: (r) => field(r, 'leader') },
    { header: '状态', width: 7, value: (r) => r.project?.status ?? null, align: 'center' },
    { header: '应报（次）', width: 7, fmt: COUNT_FMT, value: (r) => r.figures.reporting.due },
    { header: '实报（次）', width: 7, fmt: COUNT_FMT, value: (r) => r.figures.reporting.received },
    { header: '报送率', width: 8, fmt: RATE_FMT, value: (r) => rate(r.figures.reporting.rate) },
    { header: '本期完成投资（万元）', width: 12, fmt: MONEY_FMT, value: (r) => r.figures.investment.period },
    { header: '年度累计完成（万元）', width: 12, fmt: MONEY_FMT, value: (r) => r.figures.investment.yearToDate },
    { header: '年度计划投资（万元）', width: 12, fmt: MONEY_FMT, value: (r) => r.figures.investment.annualPlan },
    { header: '投资完成率', width: 10, fmt: RATE_FMT, value: (r) => rate(r.figures.investment.completionRate) },
    { header: '形象进度提升（百分点）', width: 11, fmt: POINTS_FMT, value: (r) => r.figures.progress.gained },
    { header: '灯色', width: 7, value: (r) => LIGHT_NAMES[r.figures.light], light: (r) => r.figures.light, align: 'center' },
  ];
  if (honours) columns.push({ header: '表扬/通报批评', width: 40, value: (r) => named.get(r.figures.id) ?? '' });
  return columns;
}

/** Serial numbers 1… in column A of the data rows. */
function numberRows(sheet: ExcelJS.Worksheet, count: number): void {
  for (let k = 0; k < count; k++) {
    const cell = sheet.getCell(HEADER_ROW + 1 + k, 1);
    cell.value = k + 1;
    cell.numFmt = COUNT_FMT;
  }
}

function projectRows(f: StatsFigures, projects: readonly StatsProject[]): ProjectRow[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  return f.projects.map((figures) => ({ figures, project: byId.get(figures.id) }));
}

function projectSheet(book: ExcelJS.Workbook, title: string, f: StatsFigures, rows: readonly ProjectRow[], honours: Honours | null): void {
  const sheet = newSheet(book, SHEETS.projects);
  table(sheet, `${title}（${SHEETS.projects}）`, subtitleOf(f), projectColumns(honours), rows);
  numberRows(sheet, rows.length);
}

interface ProblemRow {
  name: string;
  project: StatsProject | undefined;
  text: string;
  firstDate: string;
  ageDays: number;
}

function problemSheet(book: ExcelJS.Workbook, title: string, f: StatsFigures, projects: readonly StatsProject[]): void {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const names = new Map(f.projects.map((p) => [p.id, p.name]));
  // Oldest first, as `problemFigures` sorts them.
  const rows: ProblemRow[] = f.problems
    .filter((x) => x.state === 'open')
    .map((x) => ({ name: names.get(x.projectId) ?? byId.get(x.projectId)?.name ?? `#${x.projectId}`, project: byId.get(x.projectId), text: x.text ?? '', firstDate: x.firstDate, ageDays: x.ageDays }));
  const sheet = newSheet(book, SHEETS.problems);
  table<ProblemRow>(sheet, `${title}（未解决问题）`, `${subtitleOf(f)}；已持续天数算至 ${f.asOf}`, [
    { header: '序号', width: 5, value: () => null, align: 'center' },
    { header: '项目名称', width: 26, value: (r) => r.name },
    { header: '镇街', width: 10, value: (r) => r.project?.town ?? UNASSIGNED },
    { header: '责任单位', width: 12, value: (r) => r.project?.unit ?? UNASSIGNED },
    { header: '存在问题', width: 44, value: (r) => r.text },
    { header: '提出日期', width: 11, value: (r) => r.firstDate, align: 'center' },
    { header: '已持续（天）', width: 10, fmt: COUNT_FMT, value: (r) => r.ageDays },
  ], rows);
  numberRows(sheet, rows.length);
}

function warningSheet(book: ExcelJS.Workbook, title: string, f: StatsFigures, rows: readonly ProjectRow[]): void {
  const lit = [...rows.filter((r) => r.figures.light === 'red'), ...rows.filter((r) => r.figures.light === 'yellow')];
  const sheet = newSheet(book, SHEETS.warnings);
  table<ProjectRow>(sheet, `${title}（红黄灯预警）`, subtitleOf(f), [
    { header: '序号', width: 5, value: () => null, align: 'center' },
    { header: '项目名称', width: 26, value: (r) => r.figures.name },
    { header: '镇街', width: 10, value: (r) => field(r, 'town') },
    { header: '责任单位', width: 12, value: (r) => field(r, 'unit') },
    { header: '帮包领导', width: 10, value: (r) => field(r, 'leader') },
    { header: '灯色', width: 7, value: (r) => LIGHT_NAMES[r.figures.light], light: (r) => r.figures.light, align: 'center' },
    { header: '上期灯色', width: 8, value: (r) => LIGHT_NAMES[r.figures.previousLight], light: (r) => r.figures.previousLight, align: 'center' },
    { header: '预警事项', width: 60, value: (r) => r.figures.warnings.map((w) => w.text).join('；') },
  ], lit);
  numberRows(sheet, lit.length);
}

// ---------------------------------------------------------------------------------------------

/** The bulletin workbook, built in memory. */
export function bulletinWorkbook(input: BulletinXlsxInput): ExcelJS.Workbook {
  const { title, byTown, byUnit, projects } = input;
  const book = new ExcelJS.Workbook();
  book.creator = 'Rishai';
  book.title = title;
  const rows = projectRows(byTown, projects);
  summarySheet(book, title, byTown);
  groupSheet(book, SHEETS.byTown, title, '镇街', byTown);
  groupSheet(book, SHEETS.byUnit, title, '责任单位', byUnit);
  projectSheet(book, title, byTown, rows, input.honours ?? null);
  problemSheet(book, title, byTown, projects);
  warningSheet(book, title, byTown, rows);
  return book;
}

/** Writes the bulletin workbook to `file`. */
export async function writeBulletinXlsx(input: BulletinXlsxInput, file: string): Promise<void> {
  await bulletinWorkbook(input).xlsx.writeFile(file);
}
