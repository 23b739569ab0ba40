import { dayLabel, percentText } from './format';
import { WEEKDAY_NAMES } from '../time/clock';
import type { StatsFigures } from '../core/stats/types';
import { byZh } from '../core/stats/figures';
import { UNASSIGNED } from '../core/stats/group';
import { warningPhrase } from '../core/rules/warnings';

export interface BoardExtras {
  /** Each project's 责任单位, for the not-reported list. */
  units: ReadonlyMap<number, string | null>;
  /** Projects declared stopped (停工) that day: not counted as due. */
  stopped: readonly string[];
  late: boolean;
}

const TOP = 3;
const round = (n: number) => String(Math.round(n * 10) / 10);

/**
 * The daily board (日晒榜): one screen for the dispatch group, read off the day's statistics: the
 * counts, who has not reported grouped by unit, the day's top movers, new red lights and new problems.
 */
export function dailyBoardText(f: StatsFigures, x: BoardExtras): string {
  const date = f.period.from;
  const r = f.overall.reporting;
  const weekday = WEEKDAY_NAMES[new Date(`${date}T12:00:00+08:00`).getUTCDay()];
  const lines = [`【日晒榜】${dayLabel(date)}（周${weekday}）${x.late ? '（补发）' : ''}`];
  lines.push(`应报 ${r.due} 个项目，已报 ${r.received} 个，未报 ${r.missed} 个，报送率 ${percentText(r.rate)}。`);
  if (x.stopped.length) lines.push(`停工 ${x.stopped.length} 个（不计未报）：${x.stopped.join('、')}`);

  const byUnit = new Map<string, string[]>();
  for (const p of f.projects.filter((p) => p.reporting.missed > 0)) {
    const unit = x.units.get(p.id) ?? UNASSIGNED;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), p.name]);
  }
  if (byUnit.size) {
    const units = [...byUnit].sort(([a, x1], [b, x2]) => x2.length - x1.length || byZh(a, b));
    lines.push('未报送：', ...units.map(([unit, names]) => `· ${unit}：${names.join('、')}`));
  }

  const movers = f.projects
    // Only a gain over an earlier report: a first report is not a day's progress.
    .filter((p) => p.reporting.received > 0 && p.progress.basis === 'cumulative' && (p.progress.gained ?? 0) > 0)
    .sort((a, b) => b.progress.gained! - a.progress.gained! || byZh(a.name, b.name))
    .slice(0, TOP);
  if (movers.length) lines.push(`进度提升：${movers.map((p) => `${p.name} +${round(p.progress.gained!)} 个百分点（${round(p.progress.end!)}%）`).join('；')}`);

  const newRed = f.projects.filter((p) => p.light === 'red' && p.previousLight !== 'red');
  if (newRed.length) {
    lines.push(`新转红灯 ${newRed.length} 个：`, ...newRed.map((p) => `🔴 ${p.name}：${p.warnings.filter((w) => w.level === 'red').map((w) => warningPhrase(w, p.name)).join('；')}`));
  }
  const names = new Map(f.projects.map((p) => [p.id, p.name]));
  const raised = f.problems.filter((q) => q.raisedInPeriod);
  if (raised.length) lines.push(`新提出问题 ${raised.length} 项：`, ...raised.map((q) => `· ${names.get(q.projectId) ?? ''}：${q.text ?? ''}`));
  return lines.join('\n');
}
