import type { Stores } from '../store/stores';
import type { StoredReport } from '../domain/report';
import { distinctProblems, matchProblems, sameProblem } from '../core/rules/problems';

export interface TrackedProblems {
  /** Items opened by this report. */
  opened: number[];
  /** Open items this report carried on. */
  continued: number[];
  /** Open items this report, correcting the day's earlier one, left out: withdrawn, not closed. */
  withdrawn: number[];
}

/**
 * Files a saved report's problems: each continues the open item of the same project it matches, or
 * opens a new one (noting the closed item it repeats, if any). An open item that no current report
 * carries any more, because a correction of the day's report dropped it, is withdrawn.
 */
export function trackProblems(s: Stores, report: StoredReport, now: Date): TrackedProblems {
  return s.transaction(() => {
    const texts = distinctProblems(report.problems);
    const matched = matchProblems(texts, s.problems.ofStatus(report.projectId, 'open'));
    const closed = s.problems.ofStatus(report.projectId, 'closed');
    const out: TrackedProblems = { opened: [], continued: [], withdrawn: [] };
    texts.forEach((text, i) => {
      const id = matched[i];
      if (typeof id === 'number') {
        s.problems.seen(id, text, report.date, report.id);
        out.continued.push(id);
        return;
      }
      const before = closed.find((c) => sameProblem(c.text, text));
      const item = s.problems.raise({ projectId: report.projectId, text, date: report.date, reportId: report.id, reopens: before?.id ?? null }, now);
      out.opened.push(item.id);
    });
    out.withdrawn = s.problems.withdrawUnreported(report.projectId, now, report.id);
    return out;
  });
}
