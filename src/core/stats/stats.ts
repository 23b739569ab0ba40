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
import type { GroupFigures, Grouping, LeaderFigures, ProblemFigures, ProjectFigures, Ranking, StatsFigures, StatsInput, StatsProject, StatsReport, StatsStoppage } from './types';

const minDate = (a: string, b: string) => (a < b ? a : b);

// A bulletin computes the period before from the same rows: they are grouped once.
const grouped = new WeakMap<readonly StatsReport[], Map<number, StatsReport[]>>();

function reportsByProject(reports: readonly StatsReport[]): Map<number, StatsReport[]> {
  let byProject = grouped.get(reports);
  if (!byProject) grouped.set(reports, (byProject = currentReportsByProject(reports)));
  return byProject;
}

function contextOf(input: StatsInput, lights: Context['lights']): Context {
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
    reports: reportsByProject(input.reports),
    stoppages,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    lights,
  };
}

/** What does not depend on the grouping: most of the work, done once per input. */
interface Core {
  ctx: Context;
  schedule: number;
  /** In the order of `input.projects`. */
  projects: UngroupedFigures[];
  leaders: LeaderFigures[];
  problems: ProblemFigures[];
  byId: Map<number, StatsProject>;
  tallies: Map<number, LeaderTally[]>;
  /** The whole district, the same under every grouping but 'leader' (made when first asked for: `overallOf`). */
  overall?: GroupFigures;
  projectRankings?: Ranking[];
}

// A bulletin groups one input three ways; inputs are not changed once made (their fields are readonly).
const cores = new WeakMap<StatsInput, Core>();

function coreOf(input: StatsInput, lights: Context['lights'] = new Map()): Core {
  const cached = cores.get(input);
  if (cached) return cached;
  const ctx = contextOf(input, lights);
  const schedule = yearSchedulePercent(ctx.asOf);
  const tallies = talliesByProject(input, ctx.reports, { from: ctx.period.from, to: ctx.asOf });
  const core: Core = {
    ctx,
    schedule,
    projects: input.projects.map((p) => projectFigures(p, ctx, schedule)),
    leaders: leaderFigures(input, tallies),
    problems: problemFigures(input.problems, ctx.period, ctx.asOf),
    byId: new Map(input.projects.map((p) => [p.id, p])),
    tallies,
  };
  cores.set(input, core);
  return core;
}

function sharedOf(core: Core, leaderNames: Shared['leaderNames']): Shared {
  return { projects: core.byId, asOf: core.ctx.asOf, schedule: core.schedule, problems: core.problems, tallies: core.tallies, leaderNames };
}

function overallOf(core: Core): GroupFigures {
  return (core.overall ??= groupFigures(DISTRICT, core.projects, sharedOf(core, null)));
}

/**
 * The whole district over the period before, from the same input (its rows reach back to it, as
 * `StatsInput.reports` says): what a bulletin compares with. It reuses the lights on that period's last day.
 */
export function overallBefore(input: StatsInput): GroupFigures {
  const core = coreOf(input);
  const period = core.ctx.previous;
  return overallOf(coreOf({ ...input, period, previous: previousPeriod(period) }, core.ctx.lights));
}

/**
 * Every figure of a period, overall and per group of the given grouping. Pure; figures computed from
 * the same input under several groupings share what does not depend on the grouping.
 */
export function computeStats(input: StatsInput, grouping: Grouping = 'district'): StatsFigures {
  const core = coreOf(input);
  const { ctx, schedule, byId, tallies } = core;
  const projects = core.projects.map(({ id, name, ...rest }, i): ProjectFigures => ({
    id,
    name,
    groups: groupKeysOf(input.projects[i]!, grouping, input.leaders.get(id) ?? []),
    ...rest,
  }));
  const leaders = [...core.leaders];
  const shared = sharedOf(core, grouping === 'leader' ? new Map(leaders.map((l) => [l.leaderId, l.name])) : null);
  const overall = grouping === 'leader' ? groupFigures(DISTRICT, projects, shared) : overallOf(core);
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
    problems: [...core.problems],
    leaders,
    rankings: {
      groups: rankings(groups, (g) => g.key, {
        reportingRate: (g) => g.reporting.rate,
        investmentCompletion: (g) => g.investment.completionRate,
        progressGained: (g) => g.progress.gained,
      }),
      projects: (core.projectRankings ??= rankings(core.projects, (p) => p.name, {
        reportingRate: (p) => p.reporting.rate,
        investmentCompletion: (p) => p.investment.completionRate,
        progressGained: (p) => p.progress.gained,
      })),
    },
  };
}
