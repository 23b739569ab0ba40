/** Figures of a group of projects (the district, a 镇街, a 责任单位, …) and rankings. */
import { daysBetween } from '../../time/clock';
import type {
  GroupFigures,
  Grouping,
  Leader,
  Light,
  NotStarted,
  ProblemFigures,
  RankEntry,
  Ranking,
  RankMetric,
  ReportingFigures,
  StatsProject,
} from './types';
import { byZh, percentOf, round1, round2, schedulePhrase, sum } from './figures';
import type { UngroupedFigures } from './project';
import { sumCommentRates } from './comments';
import { ratesOf, type LeaderTally } from './comment-rate';

export const DISTRICT = '全区';
export const UNASSIGNED = '未填写';

/** The group keys of a project under a grouping: several for a project with several leaders. */
export function groupKeysOf(p: StatsProject, grouping: Grouping, leaders: readonly Leader[]): string[] {
  if (grouping === 'district') return [DISTRICT];
  if (grouping === 'leader') return leaders.length ? [...new Set(leaders.map((l) => l.name))] : [p.leader ?? UNASSIGNED];
  return [p[grouping] ?? UNASSIGNED];
}

function groupReporting(ps: readonly UngroupedFigures[]): ReportingFigures {
  const due = sum(ps.map((p) => p.reporting.due));
  const received = sum(ps.map((p) => p.reporting.received));
  return { due, received, missed: due - received, rate: percentOf(received, due) };
}

function notStartedOf(ps: readonly UngroupedFigures[], projects: ReadonlyMap<number, StatsProject>, asOf: string): NotStarted[] {
  return ps
    .filter((f) => f.dueToStart && !f.started)
    .map((f) => {
      const p = projects.get(f.id)!;
      return { projectId: f.id, name: f.name, unit: p.unit, plannedStart: p.plannedStart!, daysOverdue: daysBetween(p.plannedStart!, asOf) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byZh(a.name, b.name));
}

function groupInvestment(ps: readonly UngroupedFigures[], schedule: number): GroupFigures['investment'] {
  const planned = ps.filter((p) => p.investment.annualPlan);
  const plan = sum(planned.map((p) => p.investment.annualPlan!));
  const done = sum(planned.map((p) => p.investment.yearToDate ?? 0));
  const completion = plan > 0 ? (done / plan) * 100 : null;
  const ahead = completion === null ? null : round1(completion - schedule);
  return {
    period: round2(sum(ps.map((p) => p.investment.period ?? 0))),
    yearToDate: round2(sum(ps.map((p) => p.investment.yearToDate ?? 0))),
    annualPlan: round2(plan),
    completionRate: completion === null ? null : round1(completion),
    aheadPoints: ahead,
    phrase: ahead === null ? null : schedulePhrase(ahead),
  };
}

function groupLights(ps: readonly UngroupedFigures[]): GroupFigures['lights'] {
  const count = (l: Light) => ps.filter((p) => p.light === l).length;
  return {
    red: count('red'),
    yellow: count('yellow'),
    green: count('green'),
    newRed: ps.filter((p) => p.light === 'red' && p.previousLight !== 'red').length,
    changed: ps.filter((p) => p.light !== p.previousLight).length,
  };
}

function groupProblems(items: readonly ProblemFigures[]): GroupFigures['problems'] {
  const open = items.filter((x) => x.state === 'open').map((x) => x.ageDays);
  return {
    raised: items.filter((x) => x.raisedInPeriod).length,
    closed: items.filter((x) => x.closedInPeriod).length,
    open: open.length,
    averageOpenAgeDays: open.length ? round1(sum(open) / open.length) : null,
    oldestOpenDays: open.length ? Math.max(...open) : null,
  };
}

export interface Shared {
  projects: ReadonlyMap<number, StatsProject>;
  asOf: string;
  schedule: number;
  problems: readonly ProblemFigures[];
  /** Comment tallies of the reported project-days, by project. */
  tallies: ReadonlyMap<number, readonly LeaderTally[]>;
  /** Under 'leader', only the named leader's own comments count for their group. */
  leaderNames: ReadonlyMap<number, string> | null;
}

export function groupFigures(key: string, ps: readonly UngroupedFigures[], s: Shared): GroupFigures {
  const ids = new Set(ps.map((p) => p.id));
  const started = ps.filter((p) => p.started);
  const dueToStart = ps.filter((p) => p.dueToStart);
  const gains = ps.flatMap((p) => (p.progress.gained === null ? [] : [p.progress.gained]));
  const rates = ratesOf(ps.flatMap((p) => s.tallies.get(p.id) ?? []));
  const names = s.leaderNames;
  return {
    key,
    projects: ps.length,
    reporting: groupReporting(ps),
    start: {
      due: dueToStart.length,
      started: dueToStart.filter((p) => p.started).length,
      rate: percentOf(dueToStart.filter((p) => p.started).length, dueToStart.length),
      notStarted: notStartedOf(ps, s.projects, s.asOf),
    },
    registration: {
      started: started.length,
      registered: started.filter((p) => s.projects.get(p.id)!.registered).length,
      rate: percentOf(started.filter((p) => s.projects.get(p.id)!.registered).length, started.length),
    },
    investment: groupInvestment(ps, s.schedule),
    progress: { gained: gains.length ? round1(sum(gains) / gains.length) : null, measured: gains.length, stagnant: ps.filter((p) => p.stagnant).length },
    lights: groupLights(ps),
    problems: groupProblems(s.problems.filter((x) => ids.has(x.projectId))),
    comments: sumCommentRates(names ? rates.filter((r) => names.get(r.leaderId) === key) : rates),
  };
}

export function rankings<T>(items: readonly T[], key: (t: T) => string, values: Record<RankMetric, (t: T) => number | null>): Ranking[] {
  return (Object.keys(values) as RankMetric[]).map((metric) => ({ metric, rule: RANK_RULES[metric], entries: competitionRank(items, values[metric], key) }));
}

/**
 * Competition ranking (1, 2, 2, 4) by value, highest first unless `ascending`; entries without a
 * value come last, unranked; equal values are listed by key.
 */
export function competitionRank<T>(items: readonly T[], value: (t: T) => number | null, key: (t: T) => string, ascending = false): RankEntry[] {
  const rows = items.map((t) => ({ key: key(t), value: value(t) }));
  const sign = ascending ? 1 : -1;
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? byZh(a.key, b.key) : a.value === null ? 1 : -1;
    return a.value === b.value ? byZh(a.key, b.key) : sign * (a.value - b.value);
  });
  const out: RankEntry[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = r.value === null ? null : prev && prev.value === r.value ? prev.rank : i + 1;
    out.push({ rank, key: r.key, value: r.value });
  });
  return out;
}

export const RANK_RULES: Record<RankMetric, string> = {
  reportingRate: '按报送率从高到低排序，保留一位小数后相同者并列、名次相同；无应报日报的不参与排名',
  investmentCompletion: '按投资完成率从高到低排序，保留一位小数后相同者并列、名次相同；无年度计划投资的不参与排名',
  progressGained: '按本期形象进度提升（百分点）从高到低排序，保留一位小数后相同者并列、名次相同；无进度数据的不参与排名',
};

