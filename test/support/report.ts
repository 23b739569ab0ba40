import type { Report } from '../../src/domain/report';

/** A report with nothing filled in but what `over` gives. */
export const blankReport = (over: Partial<Report> = {}): Report => ({
  project: null,
  date: '2026-11-24',
  progressPercent: null,
  progressText: null,
  todayWork: null,
  workers: null,
  machines: null,
  investmentCumulative: null,
  investmentMonth: null,
  problems: [],
  nextPlan: null,
  ...over,
});
