import { addDays } from '../../time/clock';
import { isoWeekOf, type Period, type PeriodKind } from './period';
import type { GroupFigures, StatsFigures, StatsInput } from './types';
import type { Honours } from './honours';

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

/** The period spec a bulletin run on `today` covers by default: today, the last complete ISO week, the last month. */
export function lastCompleteSpec(kind: 'day' | 'week' | 'month', today: string): string {
  if (kind === 'day') return today;
  if (kind === 'week') return isoWeekOf(addDays(today, -7));
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}
