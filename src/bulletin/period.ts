import type { Stores } from '../chat/context';
import type { WarningThresholds } from '../rules/warnings';
import { dayLabel } from '../chat/format';
import { computeStats } from './stats';
import { statsInput } from './source';

export interface PeriodFigures {
  from: string;
  to: string;
  /** Project-workdays that owed a report (bound, 在建/未开工, not stopped). */
  due: number;
  reported: number;
  /** Projects with the most missed workdays, most first. */
  mostMissed: { name: string; unit: string | null; missed: number }[];
  openProblems: number;
  /** Of the open problems, those raised 14 days or more before the period's end. */
  oldProblems: number;
  leaders: { name: string; due: number; commented: number }[];
}

const TOP = 5;
const OLD_PROBLEM_DAYS = 14;

/**
 * The chat summary's figures for a period, read off the statistics module so the summary and the
 * bulletin files never disagree.
 */
export function periodFigures(s: Stores, from: string, to: string, today: string, isWorkday: (d: string) => boolean, thresholds: WarningThresholds): PeriodFigures {
  const f = computeStats(statsInput(s, { from, to }, today, isWorkday, thresholds), 'district');
  const units = new Map(s.projects.list().map((p) => [p.id, p.unit]));
  const open = f.problems.filter((p) => p.state === 'open');
  return {
    from,
    to,
    due: f.overall.reporting.due,
    reported: f.overall.reporting.received,
    mostMissed: f.projects
      .filter((p) => p.reporting.missed > 0)
      .map((p) => ({ name: p.name, unit: units.get(p.id) ?? null, missed: p.reporting.missed }))
      .sort((a, b) => b.missed - a.missed || a.name.localeCompare(b.name, 'zh'))
      .slice(0, TOP),
    openProblems: open.length,
    oldProblems: open.filter((p) => p.ageDays >= OLD_PROBLEM_DAYS).length,
    leaders: f.leaders.map((l) => ({ name: l.name, due: l.due, commented: l.commented })),
  };
}

/** The text of the weekly dispatch (周调度) or the monthly bulletin (月通报). */
export function periodText(title: string, f: PeriodFigures, late: boolean): string {
  const rate = f.due ? `${((f.reported / f.due) * 100).toFixed(1)}%` : '—';
  const lines = [`【${title}】${dayLabel(f.from)}至${dayLabel(f.to)}${late ? '（补发）' : ''}`, `日报：应报 ${f.due} 项目·日，已报 ${f.reported}，报送率 ${rate}。`];
  if (f.mostMissed.length) lines.push(`未报较多：${f.mostMissed.map((m) => `${m.name}${m.unit ? `（${m.unit}）` : ''} ${m.missed} 天`).join('；')}`);
  lines.push(`问题：未销号 ${f.openProblems} 项${f.oldProblems ? `，其中超过 14 天 ${f.oldProblems} 项` : ''}。`);
  if (f.leaders.length) {
    lines.push(`领导点评：${f.leaders.map((l) => `${l.name} ${l.commented}/${l.due}${l.due ? `（${Math.round((l.commented / l.due) * 100)}%）` : ''}`).join('；')}`);
  }
  return lines.join('\n');
}
