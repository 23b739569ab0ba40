import type { StatsProject, StatsReport } from '../../src/core/stats/types';

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

/** A current report. */
export const statsReport = (projectId: number, date: string, over: Partial<StatsReport> = {}): StatsReport => ({
  projectId,
  date,
  progressPercent: null,
  investmentCumulative: null,
  investmentMonth: null,
  ...over,
});
