/** What the statistics read (plain rows the caller loads, dates `YYYY-MM-DD`) and the figures they give. */
import type { Project } from '../../domain/project';
import type { ProblemStatus } from '../../domain/problem';
import type { ReportFigures } from '../../domain/report';
import type { FirstComment } from '../../domain/comment';
import type { Stoppage } from '../../domain/stoppage';
import type { Warning, WarningThresholds } from '../rules/warnings';
import type { LeaderCommentRate } from './comment-rate';
import type { Period } from './period';

// ---------------------------------------------------------------------------------------------
// Input

export type StatsProject = Pick<
  Project,
  | 'id'
  | 'name'
  | 'status'
  | 'registered'
  | 'annualPlan'
  | 'totalInvestment'
  | 'plannedStart'
  | 'plannedFinish'
  | 'town'
  | 'unit'
  | 'category'
  | 'chain'
  | 'leader'
>;

/** A current report as the store gives it (one per project and day); when several versions are given, the highest `revision` wins. */
export interface StatsReport extends ReportFigures {
  revision?: number;
}

export type StatsStoppage = Pick<Stoppage, 'projectId' | 'fromDate' | 'toDate'>;

export interface StatsProblem {
  id: number;
  projectId: number;
  text?: string;
  firstDate: string;
  status: ProblemStatus;
  /** ISO time or date of closing (销号); withdrawn items (dropped by a correction) are left out. */
  closedAt: string | null;
}

/** A comment on a project's report of a day, as the store gives it; of several by one person on one day, the first (least delay) counts. */
export type StatsComment = FirstComment;

export interface Leader {
  id: number;
  name: string;
}

export interface StatsInput {
  period: Period;
  /** The last day counted (included: a daily list is made in the evening); a period may run past it. */
  today: string;
  projects: readonly StatsProject[];
  /**
   * Current reports dated up to the period's end: every one in the period, the previous one and the
   * pace window before the as-of date; before those at least the ones that decide a figure (see
   * `reportWindow`), per project the latest one before the year and before the period (baselines of
   * investment and progress), and older reported days in `reportedDays`. Extra rows do no harm.
   */
  reports: readonly StatsReport[];
  /**
   * Days with a report older than the rows given, per project and month (`YYYY-MM`) as a bit mask (bit
   * d-1: day d): a missed-report streak counts back through them. Absent: the rows are all there is.
   */
  reportedDays?: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** The day of each project's first report, which the rows given may not reach back to. Absent: the earliest of its rows. */
  firstReported?: ReadonlyMap<number, string>;
  stoppages: readonly StatsStoppage[];
  problems: readonly StatsProblem[];
  comments: readonly StatsComment[];
  /** Each project's responsible leaders (帮包领导) as bound people. */
  leaders: ReadonlyMap<number, readonly Leader[]>;
  /** The first day each project's group was bound; unbound projects owe no reports. */
  boundSince: ReadonlyMap<number, string>;
  isWorkday: (date: string) => boolean;
  thresholds?: WarningThresholds;
  /** The period to compare with; `previousPeriod(period)` when absent. */
  previous?: Period;
}

// ---------------------------------------------------------------------------------------------
// Output

export type Grouping = 'district' | 'town' | 'unit' | 'category' | 'chain' | 'leader';
export type Light = 'red' | 'yellow' | 'green';
export type ChangeBasis = 'cumulative' | 'month' | 'sinceStart' | 'firstReport' | 'none';

export interface ReportingFigures {
  /** Workdays the project owed a report (bound, 在建/未开工, not stopped, up to today). */
  due: number;
  received: number;
  missed: number;
  /** received ÷ due in percent; null when nothing was due. */
  rate: number | null;
}

export interface InvestmentFigures {
  /** Completed in the period, 万元. */
  period: number | null;
  /** How `period` was found: difference of 累计完成投资, sum of 本月完成投资, from zero for a project planned to start in the period, from its first report in the period, or not at all. */
  basis: ChangeBasis;
  yearToDate: number | null;
  annualPlan: number | null;
  /** yearToDate ÷ annualPlan in percent (投资完成率). */
  completionRate: number | null;
  /** completionRate − the year's 序时进度, in percentage points. */
  aheadPoints: number | null;
  /** e.g. `超序时进度 3.2 个百分点`. */
  phrase: string | null;
}

export interface ProgressFigures {
  start: number | null;
  end: number | null;
  /** Percentage points gained in the period. */
  gained: number | null;
  basis: ChangeBasis;
}

export interface Stagnation {
  projectId: number;
  name: string;
  percent: number;
  /** The day the current 形象进度 was first reported. */
  since: string;
  days: number;
}

export interface NotStarted {
  projectId: number;
  name: string;
  unit: string | null;
  plannedStart: string;
  daysOverdue: number;
}

export interface ProjectFigures {
  id: number;
  name: string;
  /** The project's groups under the chosen grouping (several under 'leader'). */
  groups: string[];
  reporting: ReportingFigures;
  started: boolean;
  /** Planned start on or before the as-of date (counts in the 开工率 denominator). */
  dueToStart: boolean;
  investment: InvestmentFigures;
  progress: ProgressFigures;
  stagnant: Stagnation | null;
  light: Light;
  previousLight: Light;
  warnings: Warning[];
}

export interface LightChange {
  projectId: number;
  name: string;
  before: Light;
  after: Light;
}

export interface ProblemFigures {
  id: number;
  projectId: number;
  text: string | null;
  firstDate: string;
  closedDate: string | null;
  /** State on the as-of date. */
  state: 'open' | 'closed';
  /** Days open: to the as-of date, or to closing. */
  ageDays: number;
  raisedInPeriod: boolean;
  closedInPeriod: boolean;
}

export interface CommentFigures {
  /** Reported project-days × leaders. */
  due: number;
  commented: number;
  rate: number | null;
  averageDelayHours: number | null;
}

export interface GroupFigures {
  key: string;
  projects: number;
  reporting: ReportingFigures;
  start: { due: number; started: number; rate: number | null; notStarted: NotStarted[] };
  registration: { started: number; registered: number; rate: number | null };
  investment: { period: number; yearToDate: number; annualPlan: number; completionRate: number | null; aheadPoints: number | null; phrase: string | null };
  /** Mean points gained by the group's projects that have progress figures. */
  progress: { gained: number | null; measured: number; stagnant: number };
  lights: { red: number; yellow: number; green: number; newRed: number; changed: number };
  problems: { raised: number; closed: number; open: number; averageOpenAgeDays: number | null; oldestOpenDays: number | null };
  comments: CommentFigures;
}

export interface RankEntry {
  /** Competition rank (1, 2, 2, 4); null for entries without a value. */
  rank: number | null;
  key: string;
  value: number | null;
}

export type RankMetric = 'reportingRate' | 'investmentCompletion' | 'progressGained';

export interface Ranking {
  metric: RankMetric;
  /** The rule in Chinese, for the bulletin's footnote. */
  rule: string;
  entries: RankEntry[];
}

export interface LeaderFigures extends LeaderCommentRate {
  name: string;
}

export interface StatsFigures {
  period: Period;
  previous: Period;
  /** The last day counted: the period's end, or today when the period runs on. */
  asOf: string;
  grouping: Grouping;
  /** The year's 序时进度 on the as-of date, percent. */
  schedulePercent: number;
  overall: GroupFigures;
  /** One per group, by key (Chinese collation); under 'district' just the overall one. */
  groups: GroupFigures[];
  projects: ProjectFigures[];
  notStarted: NotStarted[];
  stagnant: Stagnation[];
  lightChanges: LightChange[];
  problems: ProblemFigures[];
  leaders: LeaderFigures[];
  rankings: { groups: Ranking[]; projects: Ranking[] };
}
