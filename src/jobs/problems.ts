import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import type { Problem } from '../domain/problem';
import type { Project } from '../domain/project';
import { roleHolders } from '../features/roles';
import { letterText } from '../text/letters';
import { escalationText, type EscalatedProblem } from '../text/escalation';
import { ladderStep, type LadderStep } from '../core/rules/problems';

/** The job's own name in outbox keys, so sharing a slot with another job's runner never collides. */
const NAME = 'problems';

interface Due {
  item: Problem;
  project: Project;
  step: LadderStep;
}

function escalated(d: Due): EscalatedProblem {
  return { id: d.item.id, project: d.project.name, unit: d.project.unit, text: d.item.text, firstDate: d.item.firstDate, days: d.step.days, level: d.step.level };
}

/**
 * Problem escalation (问题督办), meant for the 9:00 warnings slot: every open item that climbed a step
 * of the ladder since last announced is announced once, in one message per project group
 * (@-mentioning the liaisons at step 1, the leaders at step 2, both higher up); from step 3 the
 * dispatch groups also get a summary and, as separate messages, a 提醒函 or 督办函 per item.
 */
export function problemsJob({ stores: s }: Pick<JobDeps, 'stores'>): JobRunner {
  return (slot) => {
    const projects = new Map(s.projects.list().map((p) => [p.id, p]));
    const due = s.problems.open().flatMap((item): Due[] => {
      const project = projects.get(item.projectId);
      const step = ladderStep(item, slot.date);
      return project && step.level > item.announcedLevel ? [{ item, project, step }] : [];
    });
    if (!due.length) return;
    const high = due.filter((d) => d.step.level >= 3);
    const key = (groupId: number, ...parts: (string | number)[]) => outboxKey.job(NAME, slot.key, { groupId }, ...parts);
    const delivered = new Set<number>();
    s.transaction(() => {
      for (const g of s.groups.list()) {
        const ids = new Set(s.groups.projectIdsOf(g.id));
        const mine = due.filter((d) => ids.has(d.project.id));
        const letters = g.isDispatch ? high : [];
        if (!mine.length && !letters.length) continue;
        const mentions = new Set<number>();
        for (const d of mine) {
          const roles = d.step.level === 1 ? (['liaison'] as const) : d.step.level === 2 ? (['leader'] as const) : (['liaison', 'leader'] as const);
          for (const role of roles) for (const p of roleHolders(s, d.project, role, g.id)) mentions.add(p.id);
        }
        // One message per group, even for a dispatch group that also carries projects.
        const text = escalationText({ date: slot.date, late: slot.late, items: mine.map(escalated), withProject: ids.size > 1, letters: letters.map(escalated) });
        s.outbox.enqueue({ key: key(g.id), target: { groupId: g.id }, text, mentions: [...mentions] }, slot.now);
        for (const d of letters) {
          const letter = letterText({
            kind: d.step.level === 4 ? 'supervision' : 'reminder',
            number: d.item.id,
            project: d.project.name,
            unit: d.project.unit,
            leader: d.project.leader,
            problem: d.item.text,
            firstDate: d.item.firstDate,
            today: slot.date,
            days: d.step.days,
          });
          s.outbox.enqueue({ key: key(g.id, 'letter', d.item.id), target: { groupId: g.id }, text: letter }, slot.now);
        }
        for (const d of [...mine, ...letters]) delivered.add(d.item.id);
      }
      // A step nobody could be told about (no group yet) is announced once there is one.
      for (const d of due) if (delivered.has(d.item.id)) s.problems.setAnnounced(d.item.id, d.step.level);
    });
  };
}

export const PROBLEMS = {
  name: NAME, label: '问题督办', cadence: 'daily', cron: '0 9 * * *', workdaysOnly: true, missed: 'late', create: problemsJob,
} as const satisfies Job;
