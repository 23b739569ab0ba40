/**
 * Commendations (表扬) and criticisms (通报批评) of the monthly bulletin, by rules admins may change
 * with `#设置 通报 名称 数值` (stored like the warning thresholds, each change logged old → new).
 */
import type { ProjectFigures, StatsFigures } from './types';
import { STAGNANT_DAYS } from './project';
import { byZh, schedulePhrase } from './figures';
import { addDays } from '../../time/clock';
import { warningPhrase } from '../rules/warnings';

/**
 * Defaults, chosen to name only clear cases:
 * - commend a project that sent every report due (100%), ends the period on a green light, and keeps
 *   its investment at or ahead of the year's 序时进度 — or, with no annual plan to measure against,
 *   gained at least 5 points of 形象进度; at most 10, so a commendation still means something;
 * - criticise a project on any of: reporting rate below 80%, a red light at the period's end, start
 *   overdue by 30 days or more (the red 未开工 warning starts past 30), 形象进度 unchanged 14 days or
 *   more (the bulletin's own stagnation mark, the shortest span stats can see).
 */
export interface HonourRules {
  /** Least reporting rate (%) to be commended. */
  commendRate: number;
  /** Most projects commended. */
  commendLimit: number;
  /** Least 形象进度 gain (points) to be commended when the project has no annual investment plan. */
  commendProgress: number;
  /** Reporting rate (%) below which a project is criticised. */
  criticiseRate: number;
  /** Days past the planned start, not started, from which a project is criticised. */
  criticiseOverdueDays: number;
  /** Days without a new 形象进度 from which a project is criticised. */
  criticiseStagnantDays: number;
}

export const DEFAULT_HONOUR_RULES: HonourRules = {
  commendRate: 100,
  commendLimit: 10,
  commendProgress: 5,
  criticiseRate: 80,
  criticiseOverdueDays: 30,
  criticiseStagnantDays: STAGNANT_DAYS,
};

export interface Honour {
  projectId: number;
  name: string;
  /** Why, in Chinese, one short phrase each. */
  reasons: string[];
}

/** Higher first, missing values last. */
const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

/** `本月` for a calendar month, else `本期`. */
function periodWord(f: HonourInput): string {
  const { from, to } = f.period;
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) ? '本月' : '本期';
}

/** No report due and no start due: nothing to judge the project on. */
function owedNothing(p: ProjectFigures): boolean {
  return p.reporting.due === 0 && !(p.dueToStart && !p.started);
}


function criticism(p: ProjectFigures, overdue: number | undefined, r: HonourRules): string[] {
  const reasons: string[] = [];
  const rate = p.reporting.rate;
  if (rate !== null && rate < r.criticiseRate) reasons.push(`日报报送率 ${rate.toFixed(1)}%（低于 ${r.criticiseRate}%）`);
  const late = overdue !== undefined && overdue >= r.criticiseOverdueDays;
  if (p.light === 'red') {
    // The overdue start has its own line; saying it twice under 红灯 adds nothing.
    const reds = p.warnings.filter((w) => w.level === 'red' && !(late && w.kind === 'notStarted'));
    // `已连续 3 个工作日未报日报` reads `红灯：连续 3 个工作日未报日报`.
    if (reds.length) reasons.push(`红灯：${reds.map((w) => warningPhrase(w, p.name).replace(/^已/, '')).join('；')}`);
    else if (!late) reasons.push('红灯');
  }
  if (late) reasons.push(`逾期 ${overdue} 天未开工`);
  if (p.stagnant && p.stagnant.days >= r.criticiseStagnantDays) reasons.push(`形象进度 ${p.stagnant.days} 天无变化`);
  return reasons;
}

function commendation(p: ProjectFigures, r: HonourRules, word: string): string[] | null {
  const { rate } = p.reporting;
  if (rate === null || rate < r.commendRate || p.light !== 'green') return null;
  const inv = p.investment;
  const gained = p.progress.gained;
  const onSchedule = inv.aheadPoints !== null && inv.aheadPoints >= 0;
  const progressed = gained !== null && gained >= r.commendProgress;
  if (!onSchedule && !(!inv.annualPlan && progressed)) return null;
  const reasons = [`日报报送率 ${rate.toFixed(1)}%`, '绿灯'];
  if (onSchedule) reasons.push(`投资完成率 ${inv.completionRate!.toFixed(1)}%，${schedulePhrase(inv.aheadPoints!)}`);
  if (progressed) reasons.push(`形象进度${word}提升 ${gained.toFixed(1)} 个百分点`);
  return reasons;
}

export interface Honours {
  commended: Honour[];
  criticised: Honour[];
}

/** The part of the figures the honours look at. */
export type HonourInput = Pick<StatsFigures, 'period' | 'projects' | 'notStarted'>;

/**
 * Who the bulletin commends and criticises. Pure. A criticised project is never commended; the
 * commended are best first (investment ahead of schedule, then progress gained, then name), capped;
 * the criticised are those with most reasons first, then by name.
 */
export function honours(f: HonourInput, rules: HonourRules): Honours {
  const overdue = new Map(f.notStarted.map((n) => [n.projectId, n.daysOverdue]));
  const word = periodWord(f);
  const criticised: Honour[] = [];
  const candidates: { p: ProjectFigures; reasons: string[] }[] = [];
  for (const p of f.projects) {
    if (owedNothing(p)) continue;
    const bad = criticism(p, overdue.get(p.id), rules);
    if (bad.length) {
      criticised.push({ projectId: p.id, name: p.name, reasons: bad });
      continue;
    }
    const good = commendation(p, rules, word);
    if (good) candidates.push({ p, reasons: good });
  }
  candidates.sort(
    (a, b) => desc(a.p.investment.aheadPoints, b.p.investment.aheadPoints) || desc(a.p.progress.gained, b.p.progress.gained) || byZh(a.p.name, b.p.name),
  );
  criticised.sort((a, b) => b.reasons.length - a.reasons.length || byZh(a.name, b.name));
  return {
    commended: candidates.slice(0, rules.commendLimit).map(({ p, reasons }) => ({ projectId: p.id, name: p.name, reasons })),
    criticised,
  };
}
