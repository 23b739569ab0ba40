import type { Stores } from '../chat/context';
import type { WarningThresholds } from '../rules/warnings';
import { computeStats, isoWeekOf, overallBefore, previousPeriod, type GroupFigures, type Period, type PeriodKind, type StatsFigures, type StatsInput } from './stats';
import { DEFAULT_HONOUR_RULES, honours, type HonourRules, type Honours } from '../rules/honours';
import { statsInput } from './source';
import { addDays } from '../time/clock';

/** The figures of one bulletin, computed once and shared by the chat text, the image and the workbook. */
export interface Bulletin {
  kind: PeriodKind;
  /** e.g. `2026年10月全区重点项目建设情况通报`. */
  title: string;
  input: StatsInput;
  district: StatsFigures;
  byTown: StatsFigures;
  byUnit: StatsFigures;
  /** The month before's district figures, for a monthly bulletin's comparison (null otherwise). */
  previous: GroupFigures | null;
  /** 表扬 and 通报批评 by the configured rules, in a monthly bulletin (null otherwise). */
  honours: Honours | null;
}

/** The full title a bulletin carries in its files and captions. */
export function bulletinTitle(kind: PeriodKind, period: Period): string {
  const y = Number(period.from.slice(0, 4));
  const m = Number(period.from.slice(5, 7));
  const d = Number(period.from.slice(8, 10));
  switch (kind) {
    case 'day':
      return `${y}年${m}月${d}日全区重点项目日晒榜`;
    case 'week': {
      const [year, week] = isoWeekOf(period.from).split('-W');
      return `${year}年第${Number(week)}周全区重点项目周调度`;
    }
    case 'month':
      return `${y}年${m}月全区重点项目建设情况通报`;
    case 'year':
      return `${y}年全区重点项目建设情况统计`;
  }
}

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
  const district = computeStats(input, 'district');
  const monthly = kind === 'month';
  return {
    kind,
    title: bulletinTitle(kind, period),
    input,
    district,
    byTown: computeStats(input, 'town'),
    byUnit: computeStats(input, 'unit'),
    previous: monthly ? previousOverall(s, input, thresholds) : null,
    honours: monthly ? honours(district, honourRules) : null,
  };
}

/**
 * The previous period's district figures, or null when nothing was due then (the bot was not yet
 * following the projects: a comparison with it would be a comparison with nothing). The input
 * already holds the previous period of the same year; December's year-to-date needs its own year.
 */
function previousOverall(s: Stores, input: StatsInput, thresholds: WarningThresholds): GroupFigures | null {
  const period = input.previous ?? previousPeriod(input.period);
  const sameYear = period.from.slice(0, 4) === input.period.from.slice(0, 4);
  const overall = sameYear ? overallBefore(input) : computeStats(statsInput(s, period, input.today, input.isWorkday, thresholds), 'district').overall;
  return overall.reporting.due ? overall : null;
}

/** The period spec a bulletin run on `today` covers by default: today, the last complete ISO week, the last month. */
export function lastCompleteSpec(kind: 'day' | 'week' | 'month', today: string): string {
  if (kind === 'day') return today;
  if (kind === 'week') return isoWeekOf(addDays(today, -7));
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}
