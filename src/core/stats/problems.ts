/** Problems (问题) over a period: open, raised, closed, and their ages. */
import { daysBetween } from '../../time/clock';
import type { Period } from './period';
import type { ProblemFigures, StatsProblem } from './types';

/** Problems open on the as-of date, raised or closed in the period, with their ages; withdrawn ones left out. */
export function problemFigures(problems: readonly StatsProblem[], period: Period, asOf: string): ProblemFigures[] {
  const out: ProblemFigures[] = [];
  for (const x of problems) {
    if (x.status === 'withdrawn' || x.firstDate > asOf) continue;
    const closedDate = x.status === 'closed' && x.closedAt ? x.closedAt.slice(0, 10) : null;
    const closed = closedDate !== null && closedDate <= asOf;
    const raisedInPeriod = x.firstDate >= period.from;
    const closedInPeriod = closed && closedDate >= period.from;
    if (closed && !raisedInPeriod && !closedInPeriod) continue;
    out.push({
      id: x.id,
      projectId: x.projectId,
      text: x.text ?? null,
      firstDate: x.firstDate,
      closedDate: closed ? closedDate : null,
      state: closed ? 'closed' : 'open',
      ageDays: daysBetween(x.firstDate, closed ? closedDate : asOf),
      raisedInPeriod,
      closedInPeriod,
    });
  }
  return out.sort((a, b) => (a.state === b.state ? b.ageDays - a.ageDays || a.id - b.id : a.state === 'open' ? -1 : 1));
}
