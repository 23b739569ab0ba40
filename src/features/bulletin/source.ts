import type { Stores } from '../../store/stores';
import { previousPeriod, type Period } from '../../core/stats/period';
import type { StatsInput } from '../../core/stats/types';
import { PACE_DAYS, STREAK_LOOKBACK_DAYS, type WarningThresholds } from '../../core/rules/warnings';
import { leadersByProject } from '../roles';
import { addDays } from '../../time/clock';

/**
 * Which report rows the statistics of a period read: from the earlier of the year's start and the
 * previous period (less the warnings' look-back); every one from the month holding the earlier of the
 * previous period's start and the pace window before the as-of date; before that only the rows that
 * decide a figure (`ReportStore.figuresBetween`). That gives every figure of the period, and the
 * overall figures of the previous one that a bulletin compares with: a light at the end of the previous
 * period, or of the one before it, needs only the latest report and 形象进度 before it, which are among
 * the deciding rows (only the wording of a forecast in the previous period's own warnings may need
 * more). The year-to-date figures count the year of the as-of date, as the statistics take it.
 */
function reportWindow(period: Period, today: string): { from: string; detailFrom: string; year: string } {
  const previous = previousPeriod(period);
  const yearStart = `${period.from.slice(0, 4)}-01-01`;
  const asOf = today < period.to ? today : period.to;
  const monthOf = (d: string) => `${d.slice(0, 7)}-01`;
  const from = monthOf(addDays(previous.from < yearStart ? previous.from : yearStart, -(STREAK_LOOKBACK_DAYS + 1)));
  const paceFrom = addDays(asOf, -PACE_DAYS);
  const detailFrom = monthOf(previous.from < paceFrom ? previous.from : paceFrom);
  return { from, detailFrom: detailFrom > from ? detailFrom : from, year: `${asOf.slice(0, 4)}-01-01` };
}

/**
 * The calendar's answer for each day, asked once: every figure of a bulletin sees the same calendar
 * even if an admin changes it meanwhile, and the live calendar's freshness check runs once a day asked.
 */
function oncePerDay(isWorkday: (d: string) => boolean): (d: string) => boolean {
  const known = new Map<string, boolean>();
  return (d) => {
    let workday = known.get(d);
    if (workday === undefined) known.set(d, (workday = isWorkday(d)));
    return workday;
  };
}

/**
 * Reads what the statistics need for a period from the stores: the report rows of `reportWindow`;
 * comments from the previous period on (the statistics count comments only within a period, and a
 * bulletin computes at most the previous period's figures from the same input).
 */
export function statsInput(s: Stores, period: Period, today: string, isWorkday: (d: string) => boolean, thresholds: WarningThresholds): StatsInput {
  const previous = previousPeriod(period);
  const w = reportWindow(period, today);
  const projects = s.projects.list();
  const boundSince = s.groups.boundSince();
  const leaders = new Map([...leadersByProject(s, projects, boundSince)].map(([id, people]) => [id, people.map((p) => ({ id: p.id, name: p.name }))]));
  return {
    period,
    previous,
    today,
    projects,
    reports: s.reports.figuresBetween(w.from, period.to, w.detailFrom, w.year),
    // A missed-report streak looks back STREAK_LOOKBACK_DAYS from a light's day, past the detailed rows.
    reportedDays: s.reports.reportedDays(addDays(w.detailFrom, -(STREAK_LOOKBACK_DAYS + 1)).slice(0, 7), w.detailFrom.slice(0, 7)),
    firstReported: s.reports.firstReportDates(),
    stoppages: s.stoppages.list(),
    problems: s.problems
      .raisedBy(period.to)
      .filter((p) => p.status !== 'withdrawn')
      .map((p) => ({ id: p.id, projectId: p.projectId, text: p.text, firstDate: p.firstDate, status: p.status, closedAt: p.closedAt })),
    comments: s.comments.firstCommentsBetween(previous.from, period.to),
    leaders,
    boundSince,
    isWorkday: oncePerDay(isWorkday),
    thresholds,
  };
}

