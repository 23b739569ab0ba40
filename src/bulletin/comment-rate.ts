/** A reported project-day, with the comments its leaders made on it. */
export interface ReportedDay {
  projectId: number;
  date: string;
  /** When the report was first posted (ISO). */
  reportedAt: string;
  leaderIds: number[];
  /** Comments on that day's report: who and when (ISO). */
  comments: { personId: number; at: string }[];
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

/** Leader comment rate (点评率) and delay, per leader, over a set of reported project-days. Pure. */
export function commentRates(days: readonly ReportedDay[]): LeaderCommentRate[] {
  const by = new Map<number, { due: number; commented: number; delays: number[] }>();
  for (const d of days) {
    for (const leaderId of d.leaderIds) {
      const acc = by.get(leaderId) ?? { due: 0, commented: 0, delays: [] };
      acc.due++;
      const mine = d.comments.filter((c) => c.personId === leaderId).map((c) => Date.parse(c.at));
      if (mine.length) {
        acc.commented++;
        acc.delays.push((Math.min(...mine) - Date.parse(d.reportedAt)) / 3_600_000);
      }
      by.set(leaderId, acc);
    }
  }
  return [...by.entries()]
    .map(([leaderId, a]) => ({
      leaderId,
      due: a.due,
      commented: a.commented,
      rate: a.commented / a.due,
      averageDelayHours: a.delays.length ? Math.round((a.delays.reduce((x, y) => x + y, 0) / a.delays.length) * 10) / 10 : null,
    }))
    .sort((x, y) => x.leaderId - y.leaderId);
}
