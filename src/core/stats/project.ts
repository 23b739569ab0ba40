/** One project's figures over a period: reporting, start, investment, progress, stagnation, and its light. */
import { owesReport, stoppedOn } from '../rules/reporting';
import { PACE_DAYS, PACE_SPAN_DAYS, projectWarnings, type ProjectFacts, type Warning, type WarningThresholds } from '../rules/warnings';
import { addDays, daysBetween } from '../../time/clock';
import { yearOfDate, type Period } from './period';
import type { InvestmentFigures, Light, ProgressFigures, ProjectFigures, ReportingFigures, Stagnation, StatsInput, StatsProject, StatsReport, StatsStoppage } from './types';
import { percentOf, round1, schedulePhrase } from './figures';
import { changeOver, firstIndexFrom, hasDay, investmentOver, lastValue, progressBetween, type Point } from './reports';

export const STAGNANT_DAYS = 14;

/** What every per-project computation shares. */
export interface Context {
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

/** A project's figures but its group keys, which alone depend on the grouping. */
export type UngroupedFigures = Omit<ProjectFigures, 'groups'>;

/** A project's older reported days as a test of one date, from its monthly bit masks. */
function reportedIn(months: ReadonlyMap<string, number> | undefined): ((date: string) => boolean) | undefined {
  return months && ((d) => (((months.get(d.slice(0, 7)) ?? 0) >> (Number(d.slice(8, 10)) - 1)) & 1) === 1);
}

export function projectFigures(p: StatsProject, ctx: Context, schedule: number): UngroupedFigures {
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

