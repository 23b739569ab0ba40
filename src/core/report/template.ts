import type { Report } from '../../domain/report';

const FIGURES = ['progressPercent', 'workers', 'machines', 'investmentCumulative', 'investmentMonth'] as const;

/**
 * Whether a report is the #模板 text sent back with its sample figures unchanged: at least four of the
 * figures given, and every one given equal to the sample's. A report that changed any figure is real.
 */
export function isTemplateSample(report: Report, sample: Report): boolean {
  const given = FIGURES.filter((k) => report[k] !== null);
  return given.length >= 4 && given.every((k) => report[k] === sample[k]);
}
