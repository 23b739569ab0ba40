/** Periods of the digests and bulletins: days, ISO weeks, months, years, and the period to compare with. */
import { isIsoDate, weekdayOf } from '../calendar';
import { addDays, daysBetween } from '../../time/clock';

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
export const yearOfDate = (date: string) => Number(date.slice(0, 4));

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
