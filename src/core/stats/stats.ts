/**
 * The figures of the digests and bulletins (日晒榜, 周调度, 月通报): one pure module over plain data.
 * No database, no clock: the caller loads the rows and says what `today` is.
 *
 * Conventions: dates `YYYY-MM-DD`; money in 万元 rounded to 2 decimals; rates and progress in percent
 * (or percentage points) rounded to 1 decimal; rankings compare the rounded values, so what reads as
 * equal ranks equal.
 */
import type { Project } from '../../domain/project';
import type { ProblemStatus } from '../../domain/problem';
import type { ReportFigures } from '../../domain/report';
import type { FirstComment } from '../../domain/comment';
import type { Stoppage } from '../../domain/stoppage';
import { isIsoDate, weekdayOf } from '../calendar';
import { owesReport, stoppedOn } from '../rules/reporting';
import { DEFAULT_THRESHOLDS, PACE_DAYS, PACE_SPAN_DAYS, projectWarnings, type ProjectFacts, type Warning, type WarningThresholds } from '../rules/warnings';
import { addDays, daysBetween } from '../../time/clock';
import { ratesOf, tallyComments, type LeaderCommentRate, type LeaderTally } from './comment-rate';

// ---------------------------------------------------------------------------------------------
// Periods

/** Inclusive date range. */
export interface Period {
  from: string;
  to: string;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^(\d{4})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');
const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** Monday of ISO week 1 of a year: the week holding 4 January. */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, -((weekdayOf(jan4) + 6) % 7));
}

/** 52 or 53. */
export function isoWeeksIn(year: number): number {
  return daysBetween(isoWeekOneMonday(year), isoWeekOneMonday(year + 1)) / 7;
}

/** The ISO week a date belongs to, e.g. `2026-W48`; early January may belong to the previous year's last week. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 3 - ((weekdayOf(date) + 6) % 7));
  const year = yearOfDate(thursday);
  return `${year}-W${pad2(Math.floor(daysBetween(isoWeekOneMonday(year), thursday) / 7) + 1)}`;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function bad(kind: PeriodKind, spec: string): RangeError {
  const examples: Record<PeriodKind, string> = { day: '2026-11-24', week: '2026-W48', month: '2026-11', year: '2026' };
  return new RangeError(`not a ${kind}: ${spec} (expected e.g. ${examples[kind]})`);
}

function weekPeriod(spec: string): Period {
  const m = WEEK_RE.exec(spec);
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > isoWeeksIn(year)) throw bad('week', spec);
  const from = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

function monthPeriod(spec: string): Period {
  const m = MONTH_RE.exec(spec);
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) throw bad('month', spec);
  return { from: `${m[1]}-${m[2]}-01`, to: lastDayOfMonth(Number(m[1]), month) };
}

function yearPeriod(spec: string, today: string | undefined): Period {
  if (!YEAR_RE.test(spec)) throw bad('year', spec);
  const to = `${spec}-12-31`;
  return { from: `${spec}-01-01`, to: today && today.startsWith(spec) ? today : to };
}

/**
 * The dates a period spec stands for: `2026-11-24` (day), `2026-W48` (ISO week, Monday to Sunday),
 * `2026-11` (month), `2026` (year; up to `today` when `today` falls in it). Throws RangeError on a bad spec.
 */
export function periodOf(kind: PeriodKind, spec: string, today?: string): Period {
  if (kind === 'day') {
    if (!isIsoDate(spec)) throw bad('day', spec);
    return { from: spec, to: spec };
  }
  if (kind === 'week') return weekPeriod(spec);
  if (kind === 'month') return monthPeriod(spec);
  return yearPeriod(spec, today);
}

/** Whether a period is exactly one calendar month. */
function isWholeMonth(p: Period): boolean {
  return p.from.endsWith('-01') && p.to === lastDayOfMonth(yearOfDate(p.from), Number(p.from.slice(5, 7)));
}

/** The period to compare with: the previous calendar month for a whole month, else as many days just before. */
export function previousPeriod(p: Period): Period {
  if (isWholeMonth(p)) return monthPeriod(addDays(p.from, -1).slice(0, 7));
  const length = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** 序时进度 of the year on a date: day of year ÷ days in year, in percent. */
export function yearSchedulePercent(date: string): number {
  const year = yearOfDate(date);
  const dayOfYear = daysBetween(`${year}-01-01`, date) + 1;
  return (dayOfYear / (daysBetween(`${year}-01-01`, `${year + 1}-01-01`))) * 100;
}

// ---------------------------------------------------------------------------------------------
// Input

export type StatsProject = Pick<
  Project,
  | 'id'
  | 'name'
  | 'status'
  | 'registered'
  | 'annualPlan'
  | 'totalInvestment'
  | 'plannedStart'
  | 'plannedFinish'
  | 'town'
  | 'unit'
  | 'category'
  | 'chain'
  | 'leader'
>;

/** A current report as the store gives it (one per project and day); when several versions are given, the highest `revision` wins. */
export interface StatsReport extends ReportFigures {
  revision?: number;
}

export type StatsStoppage = Pick<Stoppage, 'projectId' | 'fromDate' | 'toDate'>;

export interface StatsProblem {
  id: number;
  projectId: number;
  text?: string;
  firstDate: string;
  status: ProblemStatus;
  /** ISO time or date of closing (销号); withdrawn items (dropped by a correction) are left out. */
  closedAt: string | null;
}

/** A comment on a project's report of a day, as the store gives it; of several by one person on one day, the first (least delay) counts. */
export type StatsComment = FirstComment;

export interface Leader {
  id: number;
  name: string;
}

export interface StatsInput {
  period: Period;
  /** The last day counted (included: a daily list is made in the evening); a period may run past it. */
  today: string;
  projects: readonly StatsProject[];
  /**
   * Current reports dated up to the period's end: every one in the period, the previous one and the
   * pace window before the as-of date; before those at least the ones that decide a figure (see
   * `reportWindow`), per project the latest one before the year and before the period (baselines of
   * investment and progress), and older reported days in `reportedDays`. Extra rows do no harm.
   */
  reports: readonly StatsReport[];
  /**
   * Days with a report older than the rows given, per project and month (`YYYY-MM`) as a bit mask (bit
   * d-1: day d): a missed-report streak counts back through them. Absent: the rows are all there is.
   */
  reportedDays?: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** The day of each project's first report, which the rows given may not reach back to. Absent: the earliest of its rows. */
  firstReported?: ReadonlyMap<number, string>;
  stoppages: readonly StatsStoppage[];
  problems: readonly StatsProblem[];
  comments: readonly StatsComment[];
  /** Each project's responsible leaders (帮包领导) as bound people. */
  leaders: ReadonlyMap<number, readonly Leader[]>;
  /** The first day each project's group was bound; unbound projects owe no reports. */
  boundSince: ReadonlyMap<number, string>;
  isWorkday: (date: string) => boolean;
  thresholds?: WarningThresholds;
  /** The period to compare with; `previousPeriod(period)` when absent. */
  previous?: Period;
}

// ---------------------------------------------------------------------------------------------
// Output

export type Grouping = 'district' | 'town' | 'unit' | 'category' | 'chain' | 'leader';
export type Light = 'red' | 'yellow' | 'green';
export type ChangeBasis = 'cumulative' | 'month' | 'sinceStart' | 'firstReport' | 'none';

export interface ReportingFigures {
  /** Workdays the project owed a report (bound, 在建/未开工, not stopped, up to today). */
  due: number;
  received: number;
  missed: number;
  /** received ÷ due in percent; null when nothing was due. */
  rate: number | null;
}

export interface InvestmentFigures {
  /** Completed in the period, 万元. */
  period: number | null;
  /** How `period` was found: difference of 累计完成投资, sum of 本月完成投资, from zero for a project planned to start in the period, from its first report in the period, or not at all. */
  basis: ChangeBasis;
  yearToDate: number | null;
  annualPlan: number | null;
  /** yearToDate ÷ annualPlan in percent (投资完成率). */
  completionRate: number | null;
  /** completionRate − the year's 序时进度, in percentage points. */
  aheadPoints: number | null;
  /** e.g. `超序时进度 3.2 个百分点`. */
  phrase: string | null;
}

export interface ProgressFigures {
  start: number | null;
  end: number | null;
  /** Percentage points gained in the period. */
  gained: number | null;
  basis: ChangeBasis;
}

export interface Stagnation {
  projectId: number;
  name: string;
  percent: number;
  /** The day the current 形象进度 was first reported. */
  since: string;
  days: number;
}

export interface NotStarted {
  projectId: number;
  name: string;
  unit: string | null;
  plannedStart: string;
  daysOverdue: number;
}

export interface ProjectFigures {
  id: number;
  name: string;
  /** The project's groups under the chosen grouping (several under 'leader'). */
  groups: string[];
  reporting: ReportingFigures;
  started: boolean;
  /** Planned start on or before the as-of date (counts in the 开工率 denominator). */
  dueToStart: boolean;
  investment: InvestmentFigures;
  progress: ProgressFigures;
  stagnant: Stagnation | null;
  light: Light;
  previousLight: Light;
  warnings: Warning[];
}

export interface LightChange {
  projectId: number;
  name: string;
  before: Light;
  after: Light;
}

export interface ProblemFigures {
  id: number;
  projectId: number;
  text: string | null;
  firstDate: string;
  closedDate: string | null;
  /** State on the as-of date. */
  state: 'open' | 'closed';
  /** Days open: to the as-of date, or to closing. */
  ageDays: number;
  raisedInPeriod: boolean;
  closedInPeriod: boolean;
}

export interface CommentFigures {
  /** Reported project-days × leaders. */
  due: number;
  commented: number;
  rate: number | null;
  averageDelayHours: number | null;
}

export interface GroupFigures {
  key: string;
  projects: number;
  reporting: ReportingFigures;
  start: { due: number; started: number; rate: number | null; notStarted: NotStarted[] };
  registration: { started: number; registered: number; rate: number | null };
  investment: { period: number; yearToDate: number; annualPlan: number; completionRate: number | null; aheadPoints: number | null; phrase: string | null };
  /** Mean points gained by the group's projects that have progress figures. */
  progress: { gained: number | null; measured: number; stagnant: number };
  lights: { red: number; yellow: number; green: number; newRed: number; changed: number };
  problems: { raised: number; closed: number; open: number; averageOpenAgeDays: number | null; oldestOpenDays: number | null };
  comments: CommentFigures;
}

export interface RankEntry {
  /** Competition rank (1, 2, 2, 4); null for entries without a value. */
  rank: number | null;
  key: string;
  value: number | null;
}

export type RankMetric = 'reportingRate' | 'investmentCompletion' | 'progressGained';

export interface Ranking {
  metric: RankMetric;
  /** The rule in Chinese, for the bulletin's footnote. */
  rule: string;
  entries: RankEntry[];
}

export interface LeaderFigures extends LeaderCommentRate {
  name: string;
}

export interface StatsFigures {
  period: Period;
  previous: Period;
  /** The last day counted: the period's end, or today when the period runs on. */
  asOf: string;
  grouping: Grouping;
  /** The year's 序时进度 on the as-of date, percent. */
  schedulePercent: number;
  overall: GroupFigures;
  /** One per group, by key (Chinese collation); under 'district' just the overall one. */
  groups: GroupFigures[];
  projects: ProjectFigures[];
  notStarted: NotStarted[];
  stagnant: Stagnation[];
  lightChanges: LightChange[];
  problems: ProblemFigures[];
  leaders: LeaderFigures[];
  rankings: { groups: Ranking[]; projects: Ranking[] };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export const DISTRICT = '全区';
export const UNASSIGNED = '未填写';
export const STAGNANT_DAYS = 14;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const minDate = (a: string, b: string) => (a < b ? a : b);
const percentOf = (part: number, whole: number): number | null => (whole > 0 ? round1((part / whole) * 100) : null);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Chinese collation (pinyin order), one collator for every sort: `localeCompare` would make one per call. */
export const byZh = new Intl.Collator('zh').compare;

/** `超序时进度 3.2 个百分点`, `低于序时进度 1.5 个百分点` or `与序时进度持平`, from points already rounded. */
export function schedulePhrase(points: number): string {
  if (points > 0) return `超序时进度 ${points.toFixed(1)} 个百分点`;
  if (points < 0) return `低于序时进度 ${(-points).toFixed(1)} 个百分点`;
  return '与序时进度持平';
}

/** One current report per project and day (highest revision, else the later in input order), oldest first, by project. */
export function currentReportsByProject(reports: readonly StatsReport[]): Map<number, StatsReport[]> {
  const out = new Map<number, StatsReport[]>();
  for (const r of reports) {
    const list = out.get(r.projectId);
    if (list) list.push(r);
    else out.set(r.projectId, [r]);
  }
  for (const [id, list] of out) out.set(id, currentOnly(list));
  return out;
}

/** One project's reports by date, keeping per day the highest revision (the later one among equals: the sort is stable). */
function currentOnly(list: StatsReport[]): StatsReport[] {
  // Rows from the store come one per day, by date: nothing to sort or drop.
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = list[i - 1]!.date < list[i]!.date;
  if (ascending) return list;
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const kept: StatsReport[] = [];
  for (const r of list) {
    const last = kept[kept.length - 1];
    if (last?.date !== r.date) kept.push(r);
    else if ((r.revision ?? 0) >= (last.revision ?? 0)) kept[kept.length - 1] = r;
  }
  return kept;
}

/** Index of the first report dated on or after `date` (`after`: strictly after) in a list by date. */
function firstIndexFrom(list: readonly StatsReport[], date: string, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = list[mid]!.date;
    if (d < date || (after && d === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Pick1 = (r: StatsReport) => number | null;
interface Point {
  date: string;
  value: number;
}

/** The latest value dated on or before `date` (`before`: strictly before), in a list by date. */
function lastValue(list: readonly StatsReport[], pick: Pick1, date: string, before = false): Point | undefined {
  for (let i = firstIndexFrom(list, date, !before) - 1; i >= 0; i--) {
    const v = pick(list[i]!);
    if (v !== null) return { date: list[i]!.date, value: v };
  }
  return undefined;
}

function firstValueFrom(list: readonly StatsReport[], pick: Pick1, date: string): Point | undefined {
  for (let i = firstIndexFrom(list, date); i < list.length; i++) {
    const v = pick(list[i]!);
    if (v !== null) return { date: list[i]!.date, value: v };
  }
  return undefined;
}

/**
 * How much a cumulative value rose over a period: against the latest value before the period; with
 * none, from zero when the project was planned to start within or after the period's start, else from
 * its first value in the period (only growth seen counts). `list` is by date, as `currentReportsByProject` gives it.
 */
export function changeOver(
  list: readonly StatsReport[],
  pick: Pick1,
  period: Period,
  plannedStart: string | null,
): { start: number | null; end: number | null; change: number | null; basis: ChangeBasis } {
  const end = lastValue(list, pick, period.to);
  if (!end) return { start: null, end: null, change: null, basis: 'none' };
  const base = lastValue(list, pick, period.from, true);
  if (base) return { start: base.value, end: end.value, change: end.value - base.value, basis: 'cumulative' };
  if (plannedStart !== null && plannedStart >= period.from) return { start: 0, end: end.value, change: end.value, basis: 'sinceStart' };
  const first = firstValueFrom(list, pick, period.from)!;
  return { start: first.value, end: end.value, change: end.value - first.value, basis: 'firstReport' };
}

/** Sum of each month's latest 本月完成投资 for a period starting on the 1st; null when none was given. `list` is by date. */
export function monthFigures(list: readonly StatsReport[], period: Period): number | null {
  if (!period.from.endsWith('-01')) return null;
  // The list is by date, so the last figure seen in a month is its latest.
  const byMonth = new Map<string, number>();
  for (let i = firstIndexFrom(list, period.from); i < list.length && list[i]!.date <= period.to; i++) {
    const r = list[i]!;
    if (r.investmentMonth !== null) byMonth.set(r.date.slice(0, 7), r.investmentMonth);
  }
  return byMonth.size ? sum([...byMonth.values()]) : null;
}

/** Investment completed over a period: 累计 difference, else month figures, else the fallbacks of `changeOver`. `list` is by date. */
export function investmentOver(list: readonly StatsReport[], period: Period, plannedStart: string | null): { value: number | null; basis: ChangeBasis } {
  const cum = changeOver(list, (r) => r.investmentCumulative, period, plannedStart);
  if (cum.basis === 'cumulative') return { value: round2(cum.change!), basis: 'cumulative' };
  const months = monthFigures(list, period);
  if (months !== null) return { value: round2(months), basis: 'month' };
  return { value: cum.change === null ? null : round2(cum.change), basis: cum.basis };
}

/**
 * Competition ranking (1, 2, 2, 4) by value, highest first unless `ascending`; entries without a
 * value come last, unranked; equal values are listed by key.
 */
export function competitionRank<T>(items: readonly T[], value: (t: T) => number | null, key: (t: T) => string, ascending = false): RankEntry[] {
  const rows = items.map((t) => ({ key: key(t), value: value(t) }));
  const sign = ascending ? 1 : -1;
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? byZh(a.key, b.key) : a.value === null ? 1 : -1;
    return a.value === b.value ? byZh(a.key, b.key) : sign * (a.value - b.value);
  });
  const out: RankEntry[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = r.value === null ? null : prev && prev.value === r.value ? prev.rank : i + 1;
    out.push({ rank, key: r.key, value: r.value });
  });
  return out;
}

export const RANK_RULES: Record<RankMetric, string> = {
  reportingRate: '按报送率从高到低排序，保留一位小数后相同者并列、名次相同；无应报日报的不参与排名',
  investmentCompletion: '按投资完成率从高到低排序，保留一位小数后相同者并列、名次相同；无年度计划投资的不参与排名',
  progressGained: '按本期形象进度提升（百分点）从高到低排序，保留一位小数后相同者并列、名次相同；无进度数据的不参与排名',
};

// ---------------------------------------------------------------------------------------------
// Per project

/** What every per-project computation shares. */
interface Context {
  input: StatsInput;
  period: Period;
  previous: Period;
  asOf: string;
  /** Workdays of the period up to the as-of date. */
  workdays: string[];
  /** Each project's rows by date, also those after the as-of date: every figure reads up to a date. */
  reports: ReadonlyMap<number, readonly StatsReport[]>;
  stoppages: Map<number, StatsStoppage[]>;
  thresholds: WarningThresholds;
  /** Lights made, by date and project: the period before reuses the ones on its last day. */
  lights: Map<string, Map<number, LightOn>>;
}

function stoppedFor(list: readonly StatsStoppage[]): (date: string) => boolean {
  return (d) => stoppedOn(list, d);
}

/** Reports due and received on workdays, excluding stopped days and days before the group was bound. */
function reportingOf(p: Pick<StatsProject, 'id' | 'status'>, list: readonly StatsReport[], stopped: (d: string) => boolean, ctx: Context): ReportingFigures {
  const bound = ctx.input.boundSince.get(p.id);
  if (!bound || !owesReport(p)) return { due: 0, received: 0, missed: 0, rate: null };
  const due = ctx.workdays.filter((d) => d >= bound && !stopped(d));
  // Both by date: one walk through each.
  let received = 0;
  let i = due.length ? firstIndexFrom(list, due[0]!) : list.length;
  for (const d of due) {
    while (i < list.length && list[i]!.date < d) i++;
    if (i < list.length && list[i]!.date === d) received++;
  }
  return { due: due.length, received, missed: due.length - received, rate: percentOf(received, due.length) };
}

const isStarted = (p: Pick<StatsProject, 'status'>) => p.status === '在建' || p.status === '已竣工';

/** Suspended (停缓建) projects are outside the 开工率. */
const isDueToStart = (p: Pick<StatsProject, 'status' | 'plannedStart'>, asOf: string) =>
  p.status !== '停缓建' && p.plannedStart !== null && p.plannedStart <= asOf;

function investmentOf(p: StatsProject, list: readonly StatsReport[], ctx: Context, schedule: number): InvestmentFigures {
  const inPeriod = investmentOver(list, { from: ctx.period.from, to: ctx.asOf }, p.plannedStart);
  const ytd = investmentOver(list, { from: `${yearOfDate(ctx.asOf)}-01-01`, to: ctx.asOf }, p.plannedStart).value;
  const completion = ytd !== null && p.annualPlan ? (ytd / p.annualPlan) * 100 : null;
  const ahead = completion === null ? null : round1(completion - schedule);
  return {
    period: inPeriod.value,
    basis: inPeriod.basis,
    yearToDate: ytd,
    annualPlan: p.annualPlan,
    completionRate: completion === null ? null : round1(completion),
    aheadPoints: ahead,
    phrase: ahead === null ? null : schedulePhrase(ahead),
  };
}

function progressOf(p: StatsProject, list: readonly StatsReport[], ctx: Context): ProgressFigures {
  const c = changeOver(list, (r) => r.progressPercent, { from: ctx.period.from, to: ctx.asOf }, p.plannedStart);
  return { start: c.start, end: c.end, gained: c.change === null ? null : round1(c.change), basis: c.basis };
}

/** An 在建 project, not stopped, whose 形象进度 has not reached a new high for two weeks or more. */
export function stagnationOf(p: Pick<StatsProject, 'id' | 'name' | 'status'>, list: readonly StatsReport[], asOf: string, stopped: (d: string) => boolean): Stagnation | null {
  if (p.status !== '在建' || stopped(asOf)) return null;
  let high: Point | undefined;
  for (const r of list) {
    if (r.date > asOf || r.progressPercent === null) continue;
    if (!high || r.progressPercent > high.value) high = { date: r.date, value: r.progressPercent };
  }
  if (!high) return null;
  const days = daysBetween(high.date, asOf);
  return days >= STAGNANT_DAYS ? { projectId: p.id, name: p.name, percent: high.value, since: high.date, days } : null;
}

/** Whether a list by date holds a report of the day. */
function hasDay(list: readonly StatsReport[], date: string): boolean {
  return list[firstIndexFrom(list, date)]?.date === date;
}

/** Reported 形象进度 between two dates (inclusive), oldest first. */
function progressBetween(list: readonly StatsReport[], from: string, to: string): { date: string; percent: number }[] {
  const out: { date: string; percent: number }[] = [];
  for (let i = firstIndexFrom(list, from); i < list.length && list[i]!.date <= to; i++) {
    const r = list[i]!;
    if (r.progressPercent !== null) out.push({ date: r.date, percent: r.progressPercent });
  }
  return out;
}

/** A project's light on a day and the warnings that make it. */
interface LightOn {
  light: Light;
  warnings: Warning[];
}

/**
 * The 形象进度 the warning rules read on a date: the latest of the last PACE_DAYS, and those of the
 * PACE_SPAN_DAYS up to it (the rules read no others).
 */
function paceOn(list: readonly StatsReport[], at: string): { date: string; percent: number }[] {
  const from = addDays(at, -PACE_DAYS);
  const latest = lastValue(list, (r) => r.progressPercent, at);
  if (!latest) return [];
  const span = addDays(latest.date, -PACE_SPAN_DAYS);
  return progressBetween(list, span > from ? span : from, at);
}

/**
 * The project's warnings on a date under the warning rules, and the light they make (forecasts are not a light).
 * `facts` holds all the rules read but the 形象进度, taken here from the rows.
 */
function lightOn(facts: ProjectFacts, list: readonly StatsReport[], at: string, ctx: Context): LightOn {
  let onDay = ctx.lights.get(at);
  if (!onDay) ctx.lights.set(at, (onDay = new Map()));
  const known = onDay.get(facts.id);
  if (known) return known;
  const warnings = projectWarnings({ ...facts, progress: paceOn(list, at) }, at, ctx.input.isWorkday, ctx.thresholds).filter(
    (w) => w.kind !== 'forecast',
  );
  const light: Light = warnings.some((w) => w.level === 'red') ? 'red' : warnings.length ? 'yellow' : 'green';
  const made = { light, warnings };
  onDay.set(facts.id, made);
  return made;
}

/** The group keys of a project under a grouping: several for a project with several leaders. */
export function groupKeysOf(p: StatsProject, grouping: Grouping, leaders: readonly Leader[]): string[] {
  if (grouping === 'district') return [DISTRICT];
  if (grouping === 'leader') return leaders.length ? [...new Set(leaders.map((l) => l.name))] : [p.leader ?? UNASSIGNED];
  return [p[grouping] ?? UNASSIGNED];
}

/** A project's figures but its group keys, which alone depend on the grouping. */
type UngroupedFigures = Omit<ProjectFigures, 'groups'>;

/** A project's older reported days as a test of one date, from its monthly bit masks. */
function reportedIn(months: ReadonlyMap<string, number> | undefined): ((date: string) => boolean) | undefined {
  return months && ((d) => (((months.get(d.slice(0, 7)) ?? 0) >> (Number(d.slice(8, 10)) - 1)) & 1) === 1);
}

function projectFigures(p: StatsProject, ctx: Context, schedule: number): UngroupedFigures {
  const list = ctx.reports.get(p.id) ?? [];
  const dates = { has: (d: string) => hasDay(list, d) };
  const stopped = stoppedFor(ctx.stoppages.get(p.id) ?? []);
  const facts: ProjectFacts = {
    id: p.id,
    name: p.name,
    status: p.status,
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    registered: p.registered,
    trackedSince: ctx.input.boundSince.get(p.id) ?? null,
    // The rules look only at dates before `at`, so later ones do no harm.
    reportedDates: dates,
    reportedEarlier: reportedIn(ctx.input.reportedDays?.get(p.id)),
    firstReported: ctx.input.firstReported ? (ctx.input.firstReported.get(p.id) ?? null) : (list[0]?.date ?? null),
    progress: [],
    isStopped: stopped,
  };
  const now = lightOn(facts, list, ctx.asOf, ctx);
  return {
    id: p.id,
    name: p.name,
    reporting: reportingOf(p, list, stopped, ctx),
    started: isStarted(p),
    dueToStart: isDueToStart(p, ctx.asOf),
    investment: investmentOf(p, list, ctx, schedule),
    progress: progressOf(p, list, ctx),
    stagnant: stagnationOf(p, list, ctx.asOf, stopped),
    light: now.light,
    previousLight: lightOn(facts, list, ctx.previous.to, ctx).light,
    warnings: now.warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Problems and comments

/** Problems open on the as-of date, raised or closed in the period, with their ages; withdrawn ones left out. */
export function problemFigures(problems: readonly StatsProblem[], period: Period, asOf: string): ProblemFigures[] {
  const out: ProblemFigures[] = [];
  for (const x of problems) {
    if (x.status === 'withdrawn' || x.firstDate > asOf) continue;
    const closedDate = x.status === 'closed' && x.closedAt ? x.closedAt.slice(0, 10) : null;
    const closed = closedDate !== null && closedDate <= asOf;
    const raisedInPeriod = x.firstDate >= period.from;
    const closedInPeriod = closed && closedDate >= period.from;
    if (closed && !raisedInPeriod && !closedInPeriod) continue;
    out.push({
      id: x.id,
      projectId: x.projectId,
      text: x.text ?? null,
      firstDate: x.firstDate,
      closedDate: closed ? closedDate : null,
      state: closed ? 'closed' : 'open',
      ageDays: daysBetween(x.firstDate, closed ? closedDate : asOf),
      raisedInPeriod,
      closedInPeriod,
    });
  }
  return out.sort((a, b) => (a.state === b.state ? b.ageDays - a.ageDays || a.id - b.id : a.state === 'open' ? -1 : 1));
}

/** Totals over per-leader rates; the delay is the mean over all commented days. */
export function sumCommentRates(rates: readonly LeaderCommentRate[]): CommentFigures {
  const due = sum(rates.map((r) => r.due));
  const commented = sum(rates.map((r) => r.commented));
  const delays = rates.filter((r) => r.averageDelayHours !== null);
  const weighted = sum(delays.map((r) => r.averageDelayHours! * r.commented));
  return { due, commented, rate: percentOf(commented, due), averageDelayHours: commented ? round1(weighted / commented) : null };
}

// ---------------------------------------------------------------------------------------------
// Groups

function groupReporting(ps: readonly UngroupedFigures[]): ReportingFigures {
  const due = sum(ps.map((p) => p.reporting.due));
  const received = sum(ps.map((p) => p.reporting.received));
  return { due, received, missed: due - received, rate: percentOf(received, due) };
}

function notStartedOf(ps: readonly UngroupedFigures[], projects: ReadonlyMap<number, StatsProject>, asOf: string): NotStarted[] {
  return ps
    .filter((f) => f.dueToStart && !f.started)
    .map((f) => {
      const p = projects.get(f.id)!;
      return { projectId: f.id, name: f.name, unit: p.unit, plannedStart: p.plannedStart!, daysOverdue: daysBetween(p.plannedStart!, asOf) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byZh(a.name, b.name));
}

function groupInvestment(ps: readonly UngroupedFigures[], schedule: number): GroupFigures['investment'] {
  const planned = ps.filter((p) => p.investment.annualPlan);
  const plan = sum(planned.map((p) => p.investment.annualPlan!));
  const done = sum(planned.map((p) => p.investment.yearToDate ?? 0));
  const completion = plan > 0 ? (done / plan) * 100 : null;
  const ahead = completion === null ? null : round1(completion - schedule);
  return {
    period: round2(sum(ps.map((p) => p.investment.period ?? 0))),
    yearToDate: round2(sum(ps.map((p) => p.investment.yearToDate ?? 0))),
    annualPlan: round2(plan),
    completionRate: completion === null ? null : round1(completion),
    aheadPoints: ahead,
    phrase: ahead === null ? null : schedulePhrase(ahead),
  };
}

function groupLights(ps: readonly UngroupedFigures[]): GroupFigures['lights'] {
  const count = (l: Light) => ps.filter((p) => p.light === l).length;
  return {
    red: count('red'),
    yellow: count('yellow'),
    green: count('green'),
    newRed: ps.filter((p) => p.light === 'red' && p.previousLight !== 'red').length,
    changed: ps.filter((p) => p.light !== p.previousLight).length,
  };
}

function groupProblems(items: readonly ProblemFigures[]): GroupFigures['problems'] {
  const open = items.filter((x) => x.state === 'open').map((x) => x.ageDays);
  return {
    raised: items.filter((x) => x.raisedInPeriod).length,
    closed: items.filter((x) => x.closedInPeriod).length,
    open: open.length,
    averageOpenAgeDays: open.length ? round1(sum(open) / open.length) : null,
    oldestOpenDays: open.length ? Math.max(...open) : null,
  };
}

interface Shared {
  projects: ReadonlyMap<number, StatsProject>;
  asOf: string;
  schedule: number;
  problems: readonly ProblemFigures[];
  /** Comment tallies of the reported project-days, by project. */
  tallies: ReadonlyMap<number, readonly LeaderTally[]>;
  /** Under 'leader', only the named leader's own comments count for their group. */
  leaderNames: ReadonlyMap<number, string> | null;
}

function groupFigures(key: string, ps: readonly UngroupedFigures[], s: Shared): GroupFigures {
  const ids = new Set(ps.map((p) => p.id));
  const started = ps.filter((p) => p.started);
  const dueToStart = ps.filter((p) => p.dueToStart);
  const gains = ps.flatMap((p) => (p.progress.gained === null ? [] : [p.progress.gained]));
  const rates = ratesOf(ps.flatMap((p) => s.tallies.get(p.id) ?? []));
  const names = s.leaderNames;
  return {
    key,
    projects: ps.length,
    reporting: groupReporting(ps),
    start: {
      due: dueToStart.length,
      started: dueToStart.filter((p) => p.started).length,
      rate: percentOf(dueToStart.filter((p) => p.started).length, dueToStart.length),
      notStarted: notStartedOf(ps, s.projects, s.asOf),
    },
    registration: {
      started: started.length,
      registered: started.filter((p) => s.projects.get(p.id)!.registered).length,
      rate: percentOf(started.filter((p) => s.projects.get(p.id)!.registered).length, started.length),
    },
    investment: groupInvestment(ps, s.schedule),
    progress: { gained: gains.length ? round1(sum(gains) / gains.length) : null, measured: gains.length, stagnant: ps.filter((p) => p.stagnant).length },
    lights: groupLights(ps),
    problems: groupProblems(s.problems.filter((x) => ids.has(x.projectId))),
    comments: sumCommentRates(names ? rates.filter((r) => names.get(r.leaderId) === key) : rates),
  };
}

function rankings<T>(items: readonly T[], key: (t: T) => string, values: Record<RankMetric, (t: T) => number | null>): Ranking[] {
  return (Object.keys(values) as RankMetric[]).map((metric) => ({ metric, rule: RANK_RULES[metric], entries: competitionRank(items, values[metric], key) }));
}

// ---------------------------------------------------------------------------------------------
// The whole

// A bulletin computes the period before from the same rows: they are grouped once.
const grouped = new WeakMap<readonly StatsReport[], Map<number, StatsReport[]>>();

function reportsByProject(reports: readonly StatsReport[]): Map<number, StatsReport[]> {
  let byProject = grouped.get(reports);
  if (!byProject) grouped.set(reports, (byProject = currentReportsByProject(reports)));
  return byProject;
}

function contextOf(input: StatsInput, lights: Context['lights']): Context {
  const asOf = minDate(input.period.to, input.today);
  const workdays: string[] = [];
  for (let d = input.period.from; d <= asOf; d = addDays(d, 1)) if (input.isWorkday(d)) workdays.push(d);
  const stoppages = new Map<number, StatsStoppage[]>();
  for (const s of input.stoppages) stoppages.set(s.projectId, [...(stoppages.get(s.projectId) ?? []), s]);
  return {
    input,
    period: input.period,
    previous: input.previous ?? previousPeriod(input.period),
    asOf,
    workdays,
    reports: reportsByProject(input.reports),
    stoppages,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    lights,
  };
}

const byDay = (a: StatsComment, b: StatsComment) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Each project's comment tallies over a period, made once for all the groups it falls in: its days
 * reported in the period, and the comments on them. `reports` lists by date, as `currentReportsByProject` gives them.
 */
function talliesByProject(input: StatsInput, reports: ReadonlyMap<number, readonly StatsReport[]>, period: Period): Map<number, LeaderTally[]> {
  const comments = new Map<number, StatsComment[]>();
  for (const c of input.comments) {
    if (c.date < period.from || c.date > period.to) continue;
    const list = comments.get(c.projectId);
    if (list) list.push(c);
    else comments.set(c.projectId, [c]);
  }
  const out = new Map<number, LeaderTally[]>();
  for (const [projectId, list] of reports) {
    const reported = firstIndexFrom(list, period.to, true) - firstIndexFrom(list, period.from);
    const onDays = (comments.get(projectId) ?? []).filter((c) => hasDay(list, c.date)).sort(byDay);
    out.set(projectId, tallyComments({ reported, leaderIds: (input.leaders.get(projectId) ?? []).map((l) => l.id), comments: onDays }));
  }
  return out;
}

function leaderFigures(input: StatsInput, tallies: ReadonlyMap<number, readonly LeaderTally[]>): LeaderFigures[] {
  const names = new Map<number, string>();
  for (const list of input.leaders.values()) for (const l of list) names.set(l.id, l.name);
  return ratesOf([...tallies.values()].flat()).map((r) => ({ ...r, name: names.get(r.leaderId) ?? `#${r.leaderId}` }));
}

/** What does not depend on the grouping: most of the work, done once per input. */
interface Core {
  ctx: Context;
  schedule: number;
  /** In the order of `input.projects`. */
  projects: UngroupedFigures[];
  leaders: LeaderFigures[];
  problems: ProblemFigures[];
  byId: Map<number, StatsProject>;
  tallies: Map<number, LeaderTally[]>;
  /** The whole district, the same under every grouping but 'leader' (made when first asked for: `overallOf`). */
  overall?: GroupFigures;
  projectRankings?: Ranking[];
}

// A bulletin groups one input three ways; inputs are not changed once made (their fields are readonly).
const cores = new WeakMap<StatsInput, Core>();

function coreOf(input: StatsInput, lights: Context['lights'] = new Map()): Core {
  const cached = cores.get(input);
  if (cached) return cached;
  const ctx = contextOf(input, lights);
  const schedule = yearSchedulePercent(ctx.asOf);
  const tallies = talliesByProject(input, ctx.reports, { from: ctx.period.from, to: ctx.asOf });
  const core: Core = {
    ctx,
    schedule,
    projects: input.projects.map((p) => projectFigures(p, ctx, schedule)),
    leaders: leaderFigures(input, tallies),
    problems: problemFigures(input.problems, ctx.period, ctx.asOf),
    byId: new Map(input.projects.map((p) => [p.id, p])),
    tallies,
  };
  cores.set(input, core);
  return core;
}

function sharedOf(core: Core, leaderNames: Shared['leaderNames']): Shared {
  return { projects: core.byId, asOf: core.ctx.asOf, schedule: core.schedule, problems: core.problems, tallies: core.tallies, leaderNames };
}

function overallOf(core: Core): GroupFigures {
  return (core.overall ??= groupFigures(DISTRICT, core.projects, sharedOf(core, null)));
}

/**
 * The whole district over the period before, from the same input (its rows reach back to it, as
 * `StatsInput.reports` says): what a bulletin compares with. It reuses the lights on that period's last day.
 */
export function overallBefore(input: StatsInput): GroupFigures {
  const core = coreOf(input);
  const period = core.ctx.previous;
  return overallOf(coreOf({ ...input, period, previous: previousPeriod(period) }, core.ctx.lights));
}

/**
 * Every figure of a period, overall and per group of the given grouping. Pure; figures computed from
 * the same input under several groupings share what does not depend on the grouping.
 */
export function computeStats(input: StatsInput, grouping: Grouping = 'district'): StatsFigures {
  const core = coreOf(input);
  const { ctx, schedule, byId, tallies } = core;
  const projects = core.projects.map(({ id, name, ...rest }, i): ProjectFigures => ({
    id,
    name,
    groups: groupKeysOf(input.projects[i]!, grouping, input.leaders.get(id) ?? []),
    ...rest,
  }));
  const leaders = [...core.leaders];
  const shared = sharedOf(core, grouping === 'leader' ? new Map(leaders.map((l) => [l.leaderId, l.name])) : null);
  const overall = grouping === 'leader' ? groupFigures(DISTRICT, projects, shared) : overallOf(core);
  const members = new Map<string, ProjectFigures[]>();
  for (const p of projects) {
    for (const k of p.groups) {
      const list = members.get(k);
      if (list) list.push(p);
      else members.set(k, [p]);
    }
  }
  const groups = grouping === 'district' ? [overall] : [...members.keys()].sort(byZh).map((k) => groupFigures(k, members.get(k)!, shared));
  return {
    period: ctx.period,
    previous: ctx.previous,
    asOf: ctx.asOf,
    grouping,
    schedulePercent: round1(schedule),
    overall,
    groups,
    projects,
    notStarted: overall.start.notStarted,
    stagnant: projects.flatMap((p) => (p.stagnant ? [p.stagnant] : [])).sort((a, b) => b.days - a.days || byZh(a.name, b.name)),
    lightChanges: projects.filter((p) => p.light !== p.previousLight).map((p) => ({ projectId: p.id, name: p.name, before: p.previousLight, after: p.light })),
    problems: [...core.problems],
    leaders,
    rankings: {
      groups: rankings(groups, (g) => g.key, {
        reportingRate: (g) => g.reporting.rate,
        investmentCompletion: (g) => g.investment.completionRate,
        progressGained: (g) => g.progress.gained,
      }),
      projects: (core.projectRankings ??= rankings(core.projects, (p) => p.name, {
        reportingRate: (p) => p.reporting.rate,
        investmentCompletion: (p) => p.investment.completionRate,
        progressGained: (p) => p.progress.gained,
      })),
    },
  };
}
