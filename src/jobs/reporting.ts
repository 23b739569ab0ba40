import type { Stores } from '../chat/context';
import type { JobRunner } from '../schedule/scheduler';
import { roleHolders } from '../chat/roles';
import { dayLabel } from '../chat/format';
import { dueOn, owesReport, unreported } from '../rules/reporting';
import { dailyBoardText } from '../bulletin/board';

/**
 * Reminder (提醒) and last call (催报): one message in each group whose projects have not reported
 * today, @-mentioning only their liaisons.
 */
export function reminderJob(s: Stores, kind: 'reminder' | 'lastCall'): JobRunner {
  return (slot) => {
    const reported = s.reports.projectIdsReportedOn(slot.date);
    const stopped = (id: number) => !!s.stoppages.on(id, slot.date);
    for (const g of s.groups.list()) {
      const missing = unreported(s.projects.byIds(s.groups.projectIdsOf(g.id)), reported, stopped);
      if (!missing.length) continue;
      const liaisons = new Map(missing.flatMap((p) => roleHolders(s, p, 'liaison', g.id)).map((p) => [p.id, p]));
      const names = missing.map((p) => `· ${p.name}`).join('\n');
      const text =
        kind === 'reminder'
          ? `【日报提醒】${dayLabel(slot.date)}以下项目尚未报送日报：\n${names}\n请联络员今天下班前在本群报送（发送 #模板 获取格式）。`
          : `【催报】${dayLabel(slot.date)}以下项目仍未报送日报：\n${names}\n今晚日晒榜将通报未报项目，请尽快报送。`;
      s.outbox.enqueue(
        { key: `job:${slot.job.name}:${slot.key}:g${g.id}`, target: { groupId: g.id }, text, mentions: [...liaisons.keys()], expiresAt: slot.endOfDay },
        slot.now,
      );
    }
  };
}

/** The daily board (日晒榜) in each dispatch group. */
export function dailyBoardJob(s: Stores): JobRunner {
  return (slot) => {
    const dispatch = s.groups.list().filter((g) => g.isDispatch);
    if (!dispatch.length) return;
    // Only projects the bot chases count: bound to a group on or before that day.
    const since = s.groups.boundSince();
    const projects = s.projects.list().filter((p) => (since.get(p.id) ?? '9999') <= slot.date);
    const reported = s.reports.projectIdsReportedOn(slot.date);
    const stopped = (id: number) => !!s.stoppages.on(id, slot.date);
    const due = dueOn(projects, stopped);
    const missing = unreported(projects, reported, stopped);
    const stoppedNames = projects.filter((p) => owesReport(p) && stopped(p.id)).map((p) => p.name);
    // New problems as problem tracking sees them (the same problem reworded is not new).
    const raised = s.problems.open().filter((x) => x.firstDate === slot.date);
    const reports = due.flatMap((p) => {
      const today = s.reports.currentFor(p.id, slot.date);
      if (!today) return [];
      const before = s.reports.latestBefore(p.id, slot.date);
      const newProblems = raised.filter((x) => x.projectId === p.id).map((x) => x.text);
      return [{ name: p.name, progressPercent: today.progressPercent, previousPercent: before?.progressPercent ?? null, newProblems }];
    });
    const text = dailyBoardText({ date: slot.date, due: due.length, missing, stopped: stoppedNames, reports, late: slot.late });
    for (const g of dispatch) s.outbox.enqueue({ key: `job:${slot.job.name}:${slot.key}:g${g.id}`, target: { groupId: g.id }, text }, slot.now);
  };
}
