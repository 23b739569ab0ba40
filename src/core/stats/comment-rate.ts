/** A person's comment on a project's report of a day: the hours from the day's first report to it. */
export interface DayComment {
  date: string;
  personId: number;
  delayHours: number;
}

/** One project's reported days over a period, with the comments on them. */
export interface ProjectDays {
  /** How many days it reported on: each is due a comment from each of its leaders. */
  reported: number;
  leaderIds: readonly number[];
  /** Comments on those days (on no other), oldest day first. */
  comments: readonly DayComment[];
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

/** One leader's reported days and comments over some project-days: what `ratesOf` sums. */
export interface LeaderTally {
  leaderId: number;
  due: number;
  commented: number;
  /** Hours from report to the leader's first comment, in the order of the days. */
  delays: number[];
}

/** Per leader of a project, the reported days due and commented, and the delay of each day's first comment. Pure. */
export function tallyComments(p: ProjectDays): LeaderTally[] {
  if (!p.reported) return [];
  return p.leaderIds.map((leaderId) => {
    // Days come in order: a day's first comment is the one with the least delay.
    const delays: number[] = [];
    let day = '';
    for (const c of p.comments) {
      if (c.personId !== leaderId) continue;
      if (c.date !== day) delays.push(c.delayHours);
      else if (c.delayHours < delays[delays.length - 1]!) delays[delays.length - 1] = c.delayHours;
      day = c.date;
    }
    return { leaderId, due: p.reported, commented: delays.length, delays };
  });
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
