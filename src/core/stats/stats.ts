/**
 * The figures of the digests and bulletins (日晒榜, 周调度, 月通报) over plain data.
 * No database, no clock: the caller loads the rows and says what `today` is.
 */
import { DEFAULT_THRESHOLDS } from '../rules/warnings';
import { addDays } from '../../time/clock';
import type { LeaderTally } from './comment-rate';
import { leaderFigures, talliesByProject } from './comments';
import { round1, byZh } from './figures';
import { DISTRICT, groupFigures, groupKeysOf, rankings, type Shared } from './group';
import { previousPeriod, yearSchedulePercent } from './period';
import { problemFigures } from './problems';
import { projectFigures, type Context, type UngroupedFigures } from './project';
import { currentReportsByProject } from './reports';
import type { GroupFigures, Grouping, LeaderFigures, ProblemFigures, ProjectFigures, Ranking, StatsFigures, StatsInput, StatsProject, StatsStoppage } from './types';

const minDate = (a: string, b: string) => (a < b ? a : b);

function contextOf(input: StatsInput, reports: Context['reports'], lights: Context['lights']): Context {
  const asOf = minDate(input.period.to, input.today);
  const workdays: string[] = [];
  for (let d = input.period.from; d <= asOf; d = addDays(d, 1)) if (input.isWorkday(d)) workdays.push(d);
  const stoppages = new Map<number, StatsStoppage[]>();
  for (const s of input.stoppages) stoppages.set(s.projectId, [...(stoppages.get(s.projectId) ?? []), s]);
  return {
    input,
    period: input.period,
    previous: input.previous ?? previousPeriod(input.period),
    asOf,
    workdays,
    reports,
    stoppages,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    lights,
  };
}

/** What does not depend on the grouping: most of the work. */
interface Facts {
  ctx: Context;
  schedule: number;
  /** In the order of `input.projects`. */
  projects: UngroupedFigures[];
  leaders: LeaderFigures[];
  problems: ProblemFigures[];
  byId: Map<number, StatsProject>;
  tallies: Map<number, LeaderTally[]>;
}

function factsOf(input: StatsInput, reports: Context['reports'], lights: Context['lights']): Facts {
  const ctx = contextOf(input, reports, lights);
  const schedule = yearSchedulePercent(ctx.asOf);
  const tallies = talliesByProject(input, ctx.reports, { from: ctx.period.from, to: ctx.asOf });
  return {
    ctx,
    schedule,
    projects: input.projects.map((p) => projectFigures(p, ctx, schedule)),
    leaders: leaderFigures(input, tallies),
    problems: problemFigures(input.problems, ctx.period, ctx.asOf),
    byId: new Map(input.projects.map((p) => [p.id, p])),
    tallies,
  };
}

function sharedOf(facts: Facts, leaderNames: Shared['leaderNames']): Shared {
  return { projects: facts.byId, asOf: facts.ctx.asOf, schedule: facts.schedule, problems: facts.problems, tallies: facts.tallies, leaderNames };
}

function districtOf(facts: Facts): GroupFigures {
  return groupFigures(DISTRICT, facts.projects, sharedOf(facts, null));
}

/** An input's figures that do not depend on the grouping, made by `prepareStats`: `computeStats` groups them as often as wanted. */
export interface PreparedStats extends Facts {
  /** The whole district, the same under every grouping but 'leader'. */
  overall: GroupFigures;
  projectRankings: Ranking[];
}

/** Does most of the work of `computeStats` once: a caller wanting several groupings of one input, or `overallBefore`, prepares it. */
export function prepareStats(input: StatsInput): PreparedStats {
  const facts = factsOf(input, currentReportsByProject(input.reports), new Map());
  return {
    ...facts,
    overall: districtOf(facts),
    projectRankings: rankings(facts.projects, (p) => p.name, {
      reportingRate: (p) => p.reporting.rate,
      investmentCompletion: (p) => p.investment.completionRate,
      progressGained: (p) => p.progress.gained,
    }),
  };
}

/**
 * The whole district over the period before, from the same input (its rows reach back to it, as
 * `StatsInput.reports` says): what a bulletin compares with. It reuses the rows as grouped and the
 * lights on that period's last day.
 */
export function overallBefore(prepared: PreparedStats): GroupFigures {
  const { input, previous: period, reports, lights } = prepared.ctx;
  return districtOf(factsOf({ ...input, period, previous: previousPeriod(period) }, reports, lights));
}

/**
 * Every figure of a period, overall and per group of the given grouping. Pure; given an input, it
 * prepares it: to group one input several ways, `prepareStats` it once and pass that.
 */
export function computeStats(from: StatsInput | PreparedStats, grouping: Grouping = 'district'): StatsFigures {
  const prepared = 'ctx' in from ? from : prepareStats(from);
  const { ctx, schedule } = prepared;
  const input = ctx.input;
  const projects = prepared.projects.map(({ id, name, ...rest }, i): ProjectFigures => ({
    id,
    name,
    groups: groupKeysOf(input.projects[i]!, grouping, input.leaders.get(id) ?? []),
    ...rest,
  }));
  const leaders = [...prepared.leaders];
  const shared = sharedOf(prepared, grouping === 'leader' ? new Map(leaders.map((l) => [l.leaderId, l.name])) : null);
  const overall = grouping === 'leader' ? groupFigures(DISTRICT, projects, shared) : prepared.overall;
  const members = new Map<string, ProjectFigures[]>();
  for (const p of projects) {
    for (const k of p.groups) {
      const list = members.get(k);
      if (list) list.push(p);
      else members.set(k, [p]);
    }
  }
  const groups = grouping === 'district' ? [overall] : [...members.keys()].sort(byZh).map((k) => groupFigures(k, members.get(k)!, shared));
  return {
    period: ctx.period,
    previous: ctx.previous,
    asOf: ctx.asOf,
    grouping,
    schedulePercent: round1(schedule),
    overall,
    groups,
    projects,
    notStarted: overall.start.notStarted,
    stagnant: projects.flatMap((p) => (p.stagnant ? [p.stagnant] : [])).sort((a, b) => b.days - a.days || byZh(a.name, b.name)),
    lightChanges: projects.filter((p) => p.light !== p.previousLight).map((p) => ({ projectId: p.id, name: p.name, before: p.previousLight, after: p.light })),
    problems: [...prepared.problems],
    leaders,
    rankings: {
      groups: rankings(groups, (g) => g.key, {
        reportingRate: (g) => g.reporting.rate,
        investmentCompletion: (g) => g.investment.completionRate,
        progressGained: (g) => g.progress.gained,
      }),
      projects: prepared.projectRankings,
    },
  };
}
