import { outboxKey } from '../domain/outbox';
import type { Job, JobDeps, JobRunner } from './job';
import { periodOf } from '../core/stats/period';
import type { StatsFigures, StatsInput } from '../core/stats/types';
import { computeStats } from '../core/stats/stats';
import { lastCompleteSpec } from '../core/stats/bulletin';
import { statsInput } from '../features/bulletin/source';
import { leaderDigestText } from '../text/digest';

export interface LeaderDigest {
  personId: number;
  name: string;
  text: string;
}

/**
 * One digest per responsible leader of a bound project, from figures computed once for all projects.
 * A leader whose projects owed no report in the period (e.g. all bound after it) gets none.
 * `figures` must be `computeStats(input, …)` of the same input.
 */
export function leaderDigests(input: StatsInput, figures: StatsFigures, late: boolean): LeaderDigest[] {
  // input.leaders comes from the roles helpers over the groups a project is bound to, so unbound projects have none.
  const led = new Map<number, { name: string; projectIds: Set<number> }>();
  for (const [projectId, leaders] of input.leaders) {
    for (const l of leaders) {
      const entry = led.get(l.id) ?? { name: l.name, projectIds: new Set<number>() };
      entry.projectIds.add(projectId);
      led.set(l.id, entry);
    }
  }
  const names = new Map(figures.projects.map((p) => [p.id, p.name]));
  const out: LeaderDigest[] = [];
  for (const [personId, { name, projectIds }] of [...led].sort(([a], [b]) => a - b)) {
    // A project bound only after the period was not followed then: nothing to say about it.
    const mine = figures.projects.filter((p) => projectIds.has(p.id) && (input.boundSince.get(p.id) ?? '9999') <= figures.asOf);
    if (!mine.some((p) => p.reporting.due > 0)) continue;
    const ids = new Set(mine.map((p) => p.id));
    const rate = figures.leaders.find((l) => l.leaderId === personId);
    const openProblems = figures.problems
      .filter((x) => x.state === 'open' && ids.has(x.projectId))
      .map((x) => ({ projectName: names.get(x.projectId) ?? `#${x.projectId}`, text: x.text ?? '', ageDays: x.ageDays }));
    const extra = {
      openProblems,
      commentedDays: rate?.commented ?? 0,
      uncommentedDays: rate ? rate.due - rate.commented : 0,
      commentRate: rate ? Math.round(rate.rate * 1000) / 10 : null,
    };
    out.push({ personId, name, text: leaderDigestText(name, figures.period, mine, extra, late) });
  }
  return out;
}

/**
 * Leader digest (领导周报): each responsible leader gets, by private message, last week's figures of
 * the projects they lead. The week is the last complete ISO week before the run, wherever it was moved.
 */
export function leaderDigestJob({ stores: s, isWorkday, thresholds }: Pick<JobDeps, 'stores' | 'isWorkday' | 'thresholds'>): JobRunner {
  return (slot) => {
    const input = statsInput(s, periodOf('week', lastCompleteSpec('week', slot.date)), slot.date, isWorkday, thresholds());
    const figures = computeStats(input, 'district');
    for (const d of leaderDigests(input, figures, slot.late)) {
      s.outbox.enqueue({ key: outboxKey.job(slot.job.name, slot.key, { personId: d.personId }), target: { personId: d.personId }, text: d.text }, slot.now);
    }
  };
}

export const LEADER_DIGEST = {
  name: 'leaderDigest', label: '领导周报', cadence: 'weekly', cron: '30 9 * * 1', workdaysOnly: false, missed: 'late', create: leaderDigestJob,
} as const satisfies Job;
