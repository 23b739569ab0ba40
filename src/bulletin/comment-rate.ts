/** A reported project-day, with the comments its leaders made on it. */
export interface ReportedDay {
  projectId: number;
  date: string;
  leaderIds: number[];
  /** Comments on that day's report: who, when, and when the day was first reported (ISO; the delay runs from it). */
  comments: { personId: number; at: string; reportedAt: string }[];
}

export interface LeaderCommentRate {
  leaderId: number;
  /** Reported project-days of the leader's projects. */
  due: number;
  /** Of those, the ones the leader commented on. */
  commented: number;
  /** commented ÷ due, 0..1 (a leader is listed only with something due). */
  rate: number;
  /** Mean hours from report to the leader's first comment on it (null when none). */
  averageDelayHours: number | null;
}

/** One leader's reported days and comments over some project-days: what `commentRates` sums. */
export interface LeaderTally {
  leaderId: number;
  due: number;
  commented: number;
  /** Hours from report to the leader's first comment, in the order of the days. */
  delays: number[];
}

/** Per leader, the reported days due and commented, and each comment's delay. Pure. */
export function tallyComments(days: readonly ReportedDay[]): LeaderTally[] {
  const by = new Map<number, LeaderTally>();
  for (const d of days) {
    for (const leaderId of d.leaderIds) {
      let acc = by.get(leaderId);
      if (!acc) by.set(leaderId, (acc = { leaderId, due: 0, commented: 0, delays: [] }));
      acc.due++;
      // Most days have no comment: nothing is parsed or gathered for them.
      let first = Infinity;
      let reportedAt = '';
      for (const c of d.comments) {
        if (c.personId !== leaderId) continue;
        first = Math.min(first, Date.parse(c.at));
        reportedAt = c.reportedAt;
      }
      if (first < Infinity) {
        acc.commented++;
        acc.delays.push((first - Date.parse(reportedAt)) / 3_600_000);
      }
    }
  }
  return [...by.values()];
}

/** Comment rates from tallies of several sets of days (a group's projects), merged per leader in order. */
export function ratesOf(tallies: Iterable<LeaderTally>): LeaderCommentRate[] {
  const by = new Map<number, LeaderTally>();
  for (const t of tallies) {
    const acc = by.get(t.leaderId);
    if (!acc) by.set(t.leaderId, { ...t, delays: [...t.delays] });
    else {
      acc.due += t.due;
      acc.commented += t.commented;
      acc.delays.push(...t.delays);
    }
  }
  return [...by.values()]
    .map((a) => ({
      leaderId: a.leaderId,
      due: a.due,
      commented: a.commented,
      rate: a.commented / a.due,
      averageDelayHours: a.delays.length ? Math.round((a.delays.reduce((x, y) => x + y, 0) / a.delays.length) * 10) / 10 : null,
    }))
    .sort((x, y) => x.leaderId - y.leaderId);
}

/** Leader comment rate (点评率) and delay, per leader, over a set of reported project-days. Pure. */
export function commentRates(days: readonly ReportedDay[]): LeaderCommentRate[] {
  return ratesOf(tallyComments(days));
}
