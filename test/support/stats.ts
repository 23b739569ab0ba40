import type { StatsProject, StatsReport } from '../../src/bulletin/stats';

/** A registry project for the statistics, 在建 and 入库 unless told otherwise. */
export const statsProject = (over: Partial<StatsProject> & Pick<StatsProject, 'id' | 'name'>): StatsProject => ({
  status: '在建',
  registered: true,
  annualPlan: null,
  totalInvestment: null,
  plannedStart: null,
  plannedFinish: null,
  town: null,
  unit: null,
  category: null,
  chain: null,
  leader: null,
  ...over,
});

/** A current report, posted at 09:00 on its day unless told otherwise. */
export const statsReport = (projectId: number, date: string, over: Partial<StatsReport> = {}): StatsReport => ({
  projectId,
  date,
  progressPercent: null,
  investmentCumulative: null,
  investmentMonth: null,
  firstReportedAt: `${date}T09:00:00+08:00`,
  ...over,
});
