/** A project's current reports as a list by date, and the values read from it up to a date or over a period. */
import type { Period } from './period';
import type { ChangeBasis, StatsReport } from './types';
import { round2, sum } from './figures';

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
export function firstIndexFrom(list: readonly StatsReport[], date: string, after = false): number {
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
export interface Point {
  date: string;
  value: number;
}

/** The latest value dated on or before `date` (`before`: strictly before), in a list by date. */
export function lastValue(list: readonly StatsReport[], pick: Pick1, date: string, before = false): Point | undefined {
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

/** Whether a list by date holds a report of the day. */
export function hasDay(list: readonly StatsReport[], date: string): boolean {
  return list[firstIndexFrom(list, date)]?.date === date;
}

/** Reported 形象进度 between two dates (inclusive), oldest first. */
export function progressBetween(list: readonly StatsReport[], from: string, to: string): { date: string; percent: number }[] {
  const out: { date: string; percent: number }[] = [];
  for (let i = firstIndexFrom(list, from); i < list.length && list[i]!.date <= to; i++) {
    const r = list[i]!;
    if (r.progressPercent !== null) out.push({ date: r.date, percent: r.progressPercent });
  }
  return out;
}
