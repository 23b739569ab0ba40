import type { Stores } from '../chat/context';
import { owesReport, stoppedOn } from '../rules/reporting';
import { addDays, daysBetween } from '../time/clock';
import { dayLabel } from '../chat/format';
import { commentRates, reportedDaysFrom } from './comment-rate';
import { leaderIdsOf } from '../chat/roles';

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

/** Reporting, problems and comment figures of a period, for the weekly dispatch and the monthly bulletin. */
export function periodFigures(s: Stores, from: string, to: string, isWorkday: (d: string) => boolean): PeriodFigures {
  const since = s.groups.boundSince();
  const stoppages = s.stoppages.list();
  const history = s.reports.historySince(from);
  let due = 0;
  let reported = 0;
  const missed: PeriodFigures['mostMissed'] = [];
  for (const p of s.projects.list()) {
    const bound = since.get(p.id);
    if (!bound || !owesReport(p)) continue;
    const dates = history.get(p.id)?.dates;
    const mine = stoppages.filter((st) => st.projectId === p.id);
    let m = 0;
    for (let d = from < bound ? bound : from; d <= to; d = addDays(d, 1)) {
      if (!isWorkday(d) || stoppedOn(mine, d)) continue;
      due++;
      if (dates?.has(d)) reported++;
      else m++;
    }
    if (m) missed.push({ name: p.name, unit: p.unit, missed: m });
  }
  missed.sort((a, b) => b.missed - a.missed || a.name.localeCompare(b.name, 'zh'));
  const open = s.problems.open();
  const rates = commentRates(
    reportedDaysFrom(
      {
        reportedDays: (f, t) => s.reports.reportedDays(f, t),
        comments: (f, t) => s.comments.onDaysBetween(f, t),
        leadersOf: (id) => leaderIdsOf(s, s.projects.byIds([id])[0]!),
      },
      from,
      to,
    ),
  );
  return {
    from,
    to,
    due,
    reported,
    mostMissed: missed.slice(0, TOP),
    openProblems: open.length,
    oldProblems: open.filter((x) => daysBetween(x.firstDate, to) >= 14).length,
    leaders: rates.map((r) => ({ name: s.people.get(r.leaderId)?.name ?? `#${r.leaderId}`, due: r.due, commented: r.commented })),
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
