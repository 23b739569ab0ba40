import { addDays, daysBetween } from '../../time/clock';
import { owesReport } from './reporting';

export type Level = 'yellow' | 'red';
export type WarningKind = 'missing' | 'notStarted' | 'behindPlan' | 'forecast' | 'unregistered';

/** Thresholds of the warning ladder; admins may change them. */
export interface WarningThresholds {
  missingYellow: number;
  missingRed: number;
  behindYellow: number;
  behindRed: number;
  unregisteredYellowDays: number;
  unregisteredRedDays: number;
}

export const DEFAULT_THRESHOLDS: WarningThresholds = {
  missingYellow: 2,
  missingRed: 3,
  behindYellow: 10,
  behindRed: 30,
  unregisteredYellowDays: 30,
  unregisteredRedDays: 60,
};

export interface ProjectFacts {
  id: number;
  name: string;
  status: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  registered: boolean;
  /** The first day the bot chased this project (its group was bound); null when no group carries it. */
  trackedSince: string | null;
  /** Dates (YYYY-MM-DD) with a report, recent enough to cover the streak we look for. */
  reportedDates: Pick<ReadonlySet<string>, 'has'>;
  /** Whether there was a report on an older date the caller did not list in `reportedDates`. */
  reportedEarlier?: (date: string) => boolean;
  /** The day of the project's first report ever (null: none): an 在建 project without a planned start started then. */
  firstReported: string | null;
  /** Reported 形象进度 of the last PACE_DAYS, oldest first, for the current value and the pace. */
  progress: { date: string; percent: number }[];
  isStopped: (date: string) => boolean;
}

export interface Warning {
  projectId: number;
  kind: WarningKind;
  level: Level;
  /** One line for a message, e.g. `精细化工中间体项目 已连续 3 个工作日未报日报`. */
  text: string;
}

const days = daysBetween;

/** A warning's text without the project name it starts with, for a line that already names the project. */
export function warningPhrase(w: Pick<Warning, 'text'>, projectName: string): string {
  return w.text.startsWith(`${projectName} `) ? w.text.slice(projectName.length + 1) : w.text;
}
/** How far back (calendar days) a missed-report streak is counted: past red, the exact length matters little. */
export const STREAK_LOOKBACK_DAYS = 60;
/** How far back 形象进度 is read (calendar days): an older figure is no longer the project's progress. */
export const PACE_DAYS = 45;
/** A forecast takes the pace of 形象进度 over the days up to its latest figure. */
export const PACE_SPAN_DAYS = 14;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Consecutive workdays before `today` (today is not over yet) with no report, skipping stopped days
 * and not reaching back before the bot began chasing the project.
 */
export function missingStreak(p: ProjectFacts, today: string, isWorkday: (d: string) => boolean, limit = STREAK_LOOKBACK_DAYS): number {
  if (!p.trackedSince) return 0;
  let streak = 0;
  for (let d = addDays(today, -1), seen = 0; seen < limit && d >= p.trackedSince; d = addDays(d, -1), seen++) {
    if (!isWorkday(d) || p.isStopped(d)) continue;
    if (p.reportedDates.has(d) || p.reportedEarlier?.(d)) break;
    if (p.plannedStart && d < p.plannedStart && p.status === '未开工') break;
    streak++;
  }
  return streak;
}

/** The time-proportional plan (序时进度) in percent on a date, between planned start and finish. */
export function plannedPercent(start: string, finish: string, date: string): number {
  const total = days(start, finish);
  if (total <= 0) return date >= finish ? 100 : 0;
  return Math.min(100, Math.max(0, (days(start, date) / total) * 100));
}

function endOfMonth(date: string): string {
  return addDays(nextMonthStart(date), -1);
}

/** The first day of the month after a date's. */
function nextMonthStart(date: string): string {
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
}

/** Every warning a project earns today under the thresholds. Pure: the job decides whom to tell. */
export function projectWarnings(p: ProjectFacts, today: string, isWorkday: (d: string) => boolean, t: WarningThresholds = DEFAULT_THRESHOLDS): Warning[] {
  const out: Warning[] = [];
  const owes = owesReport(p) && !p.isStopped(today);
  if (!owes) return out;

  const streak = missingStreak(p, today, isWorkday);
  if (streak >= t.missingYellow) {
    out.push({ projectId: p.id, kind: 'missing', level: streak >= t.missingRed ? 'red' : 'yellow', text: `${p.name} 已连续 ${streak} 个工作日未报日报` });
  }

  if (p.status === '未开工' && p.plannedStart && p.plannedStart < today) {
    const late = days(p.plannedStart, today);
    out.push({ projectId: p.id, kind: 'notStarted', level: late > 30 ? 'red' : 'yellow', text: `${p.name} 计划 ${p.plannedStart} 开工，至今未开工，已逾期 ${late} 天` });
  }

  const latest = p.progress[p.progress.length - 1];
  if (p.status === '在建' && p.plannedStart && p.plannedFinish && latest && p.plannedStart <= today) {
    const plan = plannedPercent(p.plannedStart, p.plannedFinish, today);
    const gap = plan - latest.percent;
    const level: Level | null = gap >= t.behindRed ? 'red' : gap >= t.behindYellow ? 'yellow' : null;
    const forecast = forecastLine(p, latest, today, gap, t);
    if (level) {
      out.push({
        projectId: p.id,
        kind: 'behindPlan',
        level,
        text: `${p.name} 形象进度 ${round1(latest.percent)}%，序时进度 ${round1(plan)}%，落后 ${round1(gap)} 个百分点${forecast}`,
      });
    } else if (forecast) {
      // Not behind yet, but heading there: a forecast of its own, so it does not read as a yellow light.
      out.push({ projectId: p.id, kind: 'forecast', level: 'yellow', text: `${p.name} 形象进度 ${round1(latest.percent)}%，序时进度 ${round1(plan)}%${forecast}` });
    }
  }

  const started = p.status === '在建' ? (p.plannedStart ?? p.firstReported) : null;
  if (started && !p.registered) {
    const since = days(started, today);
    if (since >= t.unregisteredYellowDays) {
      out.push({
        projectId: p.id,
        kind: 'unregistered',
        level: since >= t.unregisteredRedDays ? 'red' : 'yellow',
        text: `${p.name} 开工 ${since} 天仍未入库（入统）`,
      });
    }
  }
  return out;
}

/** `；按目前进度，本月底将落后 32 个百分点（红色）` when the month's pace would cross into the next colour. */
function forecastLine(p: ProjectFacts, latest: { date: string; percent: number }, today: string, gap: number, t: WarningThresholds): string {
  const since = addDays(latest.date, -PACE_SPAN_DAYS);
  const first = p.progress.find((x) => x.date >= since) ?? latest;
  const span = days(first.date, latest.date);
  const pace = span > 0 ? (latest.percent - first.percent) / span : 0;
  const eom = endOfMonth(today);
  const projected = plannedPercent(p.plannedStart!, p.plannedFinish!, eom) - Math.min(100, latest.percent + pace * days(latest.date, eom));
  const colour = (g: number) => (g >= t.behindRed ? 2 : g >= t.behindYellow ? 1 : 0);
  if (colour(projected) <= colour(gap)) return '';
  return `；按近期进度，月底将落后 ${round1(projected)} 个百分点（${colour(projected) === 2 ? '红色' : '黄色'}）`;
}
