import type { Stores } from '../store/stores';
import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import type { Person } from '../domain/people';
import type { Project } from '../domain/project';
import type { StoredReport } from '../domain/report';
import { roleHolders } from '../features/roles';
import { commentNudge, commentPromptToGroup, commentPromptToLeader, type UncommentedReport } from '../text/comment';
import { addDays } from '../time/clock';

type Deps = Pick<JobDeps, 'stores' | 'isWorkday' | 'commentPrompt'>;

interface Item {
  groupId: number;
  project: Project;
  report: StoredReport;
  leaders: Person[];
}

const uncommentedReport = (i: Item): UncommentedReport => ({ project: i.project.name, report: i.report });

/** Reports of the day that no leader of the project has commented on yet, with those leaders. */
function uncommented(s: Stores, date: string): Item[] {
  return s.groups.list().flatMap((g) =>
    s.projects.byIds(s.groups.projectIdsOf(g.id)).flatMap((project) => {
      const report = s.reports.currentFor(project.id, date);
      const leaders = roleHolders(s, project, 'leader', g.id);
      if (!report || !leaders.length) return [];
      const commenters = new Set(s.comments.on(project.id, date).map((c) => c.personId));
      return leaders.some((l) => commenters.has(l.id)) ? [] : [{ groupId: g.id, project, report, leaders }];
    }),
  );
}

/** Leader comment prompt (点评提醒): a one-screen digest of today's reports for each responsible leader. */
function commentPromptJob(d: Deps): JobRunner {
  const s = d.stores;
  return (slot) => {
    const items = uncommented(s, slot.date);
    if (d.commentPrompt.privately) {
      const byLeader = new Map<number, { leader: Person; items: Item[] }>();
      for (const i of items) for (const l of i.leaders) byLeader.set(l.id, { leader: l, items: [...(byLeader.get(l.id)?.items ?? []), i] });
      for (const { leader, items: mine } of byLeader.values()) {
        const unique = [...new Map(mine.map((i) => [i.project.id, i])).values()];
        const text = commentPromptToLeader(leader.name, unique.map(uncommentedReport));
        s.outbox.enqueue({ key: outboxKey.job(slot.job.name, slot.key, { personId: leader.id }), target: { personId: leader.id }, text, expiresAt: slot.endOfDay }, slot.now);
      }
    } else {
      const byGroup = new Map<number, Item[]>();
      for (const i of items) byGroup.set(i.groupId, [...(byGroup.get(i.groupId) ?? []), i]);
      for (const [groupId, mine] of byGroup) {
        const leaders = new Map(mine.flatMap((i) => i.leaders).map((l) => [l.id, l]));
        const text = commentPromptToGroup(mine.map(uncommentedReport));
        s.outbox.enqueue(
          { key: outboxKey.job(slot.job.name, slot.key, { groupId }), target: { groupId }, text, mentions: [...leaders.keys()], expiresAt: slot.endOfDay },
          slot.now,
        );
      }
    }
    nudge(d, slot.date, slot.now, slot.job.name);
  };
}

/**
 * One gentle note to a leader whose projects' reports have gone uncommented exactly N workdays running
 * (looking one workday further back tells N from more, so the note comes once per streak).
 */
function nudge(d: Deps, today: string, now: Date, job: string): void {
  const s = d.stores;
  const after = d.commentPrompt.nudgeAfterWorkdays;
  const streaks = new Map<number, { leader: Person; days: number; broken: boolean }>();
  let date = today;
  for (let seen = 0; seen <= after; date = addDays(date, -1)) {
    if (!d.isWorkday(date)) continue;
    seen++;
    const open = uncommented(s, date);
    const due = new Set(open.flatMap((i) => i.leaders.map((l) => l.id)));
    // Only a streak that includes today counts.
    if (seen === 1) for (const i of open) for (const l of i.leaders) streaks.set(l.id, { leader: l, days: 0, broken: false });
    for (const st of streaks.values()) {
      if (st.broken) continue;
      if (due.has(st.leader.id)) st.days++;
      else st.broken = true;
    }
  }
  for (const { leader, days } of streaks.values()) {
    if (days !== after) continue;
    s.outbox.enqueue({ key: outboxKey.nudge(job, today, leader.id), target: { personId: leader.id }, text: commentNudge(leader.name, days) }, now);
  }
}

export const COMMENT_PROMPT = {
  name: 'commentPrompt', label: '点评提醒', cadence: 'daily', cron: '30 20 * * *', workdaysOnly: true, missed: 'skip', create: commentPromptJob,
} as const satisfies Job;
