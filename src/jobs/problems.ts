import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import type { Problem } from '../domain/problem';
import type { Project } from '../domain/project';
import { roleHolders } from '../features/roles';
import { dayLabel } from '../text/format';
import { letterText } from '../text/letters';
import { ladderStep, type LadderStep } from '../core/rules/problems';

/** The job's own name in outbox keys, so sharing a slot with another job's runner never collides. */
const NAME = 'problems';

interface Due {
  item: Problem;
  project: Project;
  step: LadderStep;
}

/** What a project group is told at each step (indexed by level). */
const ASK = ['', '请联络员、责任单位抓紧协调解决', '请帮包领导督促协调', '已报调度群并发提醒函', '已报区主要领导并发督办函'] as const;

function groupLine(d: Due, withProject: boolean): string {
  const project = withProject ? `${d.project.name}：` : '';
  return `#${d.item.id} ${project}${d.item.text}（${dayLabel(d.item.firstDate)}提出，已 ${d.step.days} 天）——${ASK[d.step.level]}`;
}

function dispatchLine(d: Due): string {
  const unit = d.project.unit ? `（${d.project.unit}）` : '';
  const letter = d.step.level === 4 ? '督办函，呈区主要领导' : '提醒函';
  return `#${d.item.id} ${d.project.name}${unit}：${d.item.text}（已 ${d.step.days} 天，${letter}）`;
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
    const header = `【问题督办】${dayLabel(slot.date)}${slot.late ? '（补发）' : ''}`;
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
        const text = [header];
        if (mine.length) text.push('以下问题尚未销号：', ...mine.map((d) => groupLine(d, ids.size > 1)), '问题解决后请发送 #销号 编号 说明。');
        if (letters.length) text.push('以下问题久拖未决：', ...letters.map(dispatchLine), '函件文本见后续消息，可直接复制印发。');
        s.outbox.enqueue({ key: key(g.id), target: { groupId: g.id }, text: text.join('\n'), mentions: [...mentions] }, slot.now);
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
