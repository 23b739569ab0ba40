import type { Stores } from '../chat/context';
import type { StatsInput, Period } from './stats';
import type { WarningThresholds } from '../rules/warnings';
import { previousPeriod } from './stats';
import { leaderIdsOf } from '../chat/roles';
import { STREAK_LOOKBACK_DAYS } from '../rules/warnings';
import { addDays } from '../time/clock';

/**
 * Reads what the statistics need for a period from the stores: current reports from the earlier of
 * the year's start and the previous period (less the warnings' look-back), with a baseline before it;
 * comments from the previous period on (the statistics count comments only within a period, and a
 * bulletin computes at most the previous period's figures from the same input).
 */
export function statsInput(s: Stores, period: Period, today: string, isWorkday: (d: string) => boolean, thresholds: WarningThresholds): StatsInput {
  const previous = previousPeriod(period);
  const yearStart = `${period.from.slice(0, 4)}-01-01`;
  const earliest = addDays(previous.from < yearStart ? previous.from : yearStart, -(STREAK_LOOKBACK_DAYS + 1));
  const projects = s.projects.list();
  const leaders = new Map(
    projects.map((p) => [p.id, leaderIdsOf(s, p).map((id) => ({ id, name: s.people.get(id)?.name ?? `#${id}` }))]),
  );
  return {
    period,
    previous,
    today,
    projects,
    reports: s.reports.figuresBetween(earliest, period.to),
    stoppages: s.stoppages.list(),
    problems: s.problems
      .raisedBy(period.to)
      .filter((p) => p.status !== 'withdrawn')
      .map((p) => ({ id: p.id, projectId: p.projectId, text: p.text, firstDate: p.firstDate, status: p.status, closedAt: p.closedAt })),
    comments: s.comments.onDaysBetween(previous.from, period.to),
    leaders,
    boundSince: s.groups.boundSince(),
    isWorkday,
    thresholds,
  };
}

