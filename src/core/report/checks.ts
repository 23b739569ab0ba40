import type { Report } from '../../domain/report';

/** The project's previous report, to compare with: any report without its typed project name. */
export type PreviousReport = Omit<Report, 'project'>;

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
