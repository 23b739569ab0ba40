/** Leaders' comments (点评) on the reports of a period: tallies per project, rates per leader. */
import type { Period } from './period';
import type { CommentFigures, LeaderFigures, StatsComment, StatsInput, StatsReport } from './types';
import { percentOf, round1, sum } from './figures';
import { firstIndexFrom, hasDay } from './reports';
import { ratesOf, tallyComments, type LeaderCommentRate, type LeaderTally } from './comment-rate';

/** Totals over per-leader rates; the delay is the mean over all commented days. */
export function sumCommentRates(rates: readonly LeaderCommentRate[]): CommentFigures {
  const due = sum(rates.map((r) => r.due));
  const commented = sum(rates.map((r) => r.commented));
  const delays = rates.filter((r) => r.averageDelayHours !== null);
  const weighted = sum(delays.map((r) => r.averageDelayHours! * r.commented));
  return { due, commented, rate: percentOf(commented, due), averageDelayHours: commented ? round1(weighted / commented) : null };
}

const byDay = (a: StatsComment, b: StatsComment) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Each project's comment tallies over a period, made once for all the groups it falls in: its days
 * reported in the period, and the comments on them. `reports` lists by date, as `currentReportsByProject` gives them.
 */
export function talliesByProject(input: StatsInput, reports: ReadonlyMap<number, readonly StatsReport[]>, period: Period): Map<number, LeaderTally[]> {
  const comments = new Map<number, StatsComment[]>();
  for (const c of input.comments) {
    if (c.date < period.from || c.date > period.to) continue;
    const list = comments.get(c.projectId);
    if (list) list.push(c);
    else comments.set(c.projectId, [c]);
  }
  const out = new Map<number, LeaderTally[]>();
  for (const [projectId, list] of reports) {
    const reported = firstIndexFrom(list, period.to, true) - firstIndexFrom(list, period.from);
    const onDays = (comments.get(projectId) ?? []).filter((c) => hasDay(list, c.date)).sort(byDay);
    out.set(projectId, tallyComments({ reported, leaderIds: (input.leaders.get(projectId) ?? []).map((l) => l.id), comments: onDays }));
  }
  return out;
}

/** Each leader's comment rate over all their projects, with their name. */
export function leaderFigures(input: StatsInput, tallies: ReadonlyMap<number, readonly LeaderTally[]>): LeaderFigures[] {
  const names = new Map<number, string>();
  for (const list of input.leaders.values()) for (const l of list) names.set(l.id, l.name);
  return ratesOf([...tallies.values()].flat()).map((r) => ({ ...r, name: names.get(r.leaderId) ?? `#${r.leaderId}` }));
}

