import type { Stores } from '../../store/stores';
import type { WarningThresholds } from '../../core/rules/warnings';
import { previousPeriod, type Period, type PeriodKind } from '../../core/stats/period';
import type { GroupFigures, StatsInput } from '../../core/stats/types';
import { computeStats, overallBefore, prepareStats, type PreparedStats } from '../../core/stats/stats';
import { DEFAULT_HONOUR_RULES, honours, type HonourRules } from '../../core/stats/honours';
import { bulletinTitle, type Bulletin } from '../../core/stats/bulletin';
import { statsInput } from './source';

/** Reads the stores and computes the figures for the district, by 镇街 and by 责任单位 (and, for a month, the month before). */
export function buildBulletin(
  s: Stores,
  kind: PeriodKind,
  period: Period,
  today: string,
  isWorkday: (d: string) => boolean,
  thresholds: WarningThresholds,
  honourRules: HonourRules = DEFAULT_HONOUR_RULES,
): Bulletin {
  const input = statsInput(s, period, today, isWorkday, thresholds);
  const prepared = prepareStats(input);
  const district = computeStats(prepared, 'district');
  const monthly = kind === 'month';
  return {
    kind,
    title: bulletinTitle(kind, period),
    input,
    district,
    byTown: computeStats(prepared, 'town'),
    byUnit: computeStats(prepared, 'unit'),
    previous: monthly ? previousOverall(s, input, prepared, thresholds) : null,
    honours: monthly ? honours(district, honourRules) : null,
  };
}

/**
 * The previous period's district figures, or null when nothing was due then (the bot was not yet
 * following the projects: a comparison with it would be a comparison with nothing). The input
 * already holds the previous period of the same year; December's year-to-date needs its own year.
 */
function previousOverall(s: Stores, input: StatsInput, prepared: PreparedStats, thresholds: WarningThresholds): GroupFigures | null {
  const period = input.previous ?? previousPeriod(input.period);
  const sameYear = period.from.slice(0, 4) === input.period.from.slice(0, 4);
  const overall = sameYear ? overallBefore(prepared) : computeStats(statsInput(s, period, input.today, input.isWorkday, thresholds), 'district').overall;
  return overall.reporting.due ? overall : null;
}
