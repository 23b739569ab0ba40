import type { Report } from './types';

/** What an office would query about a report, compared with the project's previous one. */
export interface PreviousReport {
  date: string;
  progressPercent: number | null;
  progressText: string | null;
  todayWork: string | null;
  workers: number | null;
  machines: number | null;
  investmentCumulative: number | null;
  investmentMonth: number | null;
  problems: string[];
  nextPlan: string | null;
}

const CONTENT_KEYS = [
  'progressPercent',
  'progressText',
  'todayWork',
  'workers',
  'machines',
  'investmentCumulative',
  'investmentMonth',
  'nextPlan',
] as const;

function sameContent(a: Report, b: PreviousReport): boolean {
  return CONTENT_KEYS.every((k) => a[k] === b[k]) && JSON.stringify(a.problems) === JSON.stringify(b.problems);
}

/** Flags shown with the acknowledgement; none of them rejects the report. */
export function reportFlags(report: Report, previous: PreviousReport | undefined, totalInvestment: number | null): string[] {
  const flags: string[] = [];
  if (previous) {
    if (sameContent(report, previous)) flags.push(`内容与上次（${previous.date}）完全相同`);
    if (report.investmentCumulative !== null && previous.investmentCumulative !== null && report.investmentCumulative < previous.investmentCumulative) {
      flags.push(`累计完成投资低于上次（${previous.investmentCumulative} 万元）`);
    }
    if (report.progressPercent !== null && previous.progressPercent !== null && report.progressPercent < previous.progressPercent) {
      flags.push(`形象进度较上次回落（上次 ${previous.progressPercent}%）`);
    }
  }
  if (report.investmentCumulative !== null && totalInvestment !== null && report.investmentCumulative > totalInvestment) {
    flags.push(`累计完成投资超过项目总投资（${totalInvestment} 万元）`);
  }
  return flags;
}
