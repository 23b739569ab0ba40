export type OutboxTarget = { groupId: number } | { personId: number };

/**
 * What an item is, which decides how it is sent: a `reply` answers an inbound message (or passes its
 * effect on to other groups) and goes at once; a `scheduled` message is a job's output and waits out
 * the quiet hours (a job's warnings and escalations too, as they always did); an `alert` tells admins
 * about the bot itself and goes at once.
 */
export type OutboxKind = 'reply' | 'scheduled' | 'alert';

/** An item's idempotency key and its kind, as `outboxKey` builds them. */
export interface OutboxKey {
  readonly kind: OutboxKind;
  readonly value: string;
}

const who = (t: OutboxTarget) => ('groupId' in t ? `g${t.groupId}` : `p${t.personId}`);
const reply = (value: string): OutboxKey => ({ kind: 'reply', value });
const scheduled = (value: string): OutboxKey => ({ kind: 'scheduled', value });

/**
 * The one place outbox keys are made. The strings must never change: an item queued by an older
 * build and queued again after an upgrade is recognised by its key alone, and so not sent twice.
 */
export const outboxKey = {
  /** The nth reply to an inbound message. */
  reply: (messageId: number, n: number) => reply(`reply:${messageId}:${n}`),
  /** A leader's comment, passed on to another group of the project. */
  comment: (messageId: number, groupId: number) => reply(`comment:${messageId}:g${groupId}`),
  /** A problem's closing, passed on to another group of the project. */
  closed: (messageId: number, groupId: number) => reply(`close:${messageId}:g${groupId}`),
  /** A job's message for one slot to one target; `parts` tell apart several to the same target (a bulletin's files). */
  job: (job: string, slot: string, target: OutboxTarget, ...parts: (string | number)[]) =>
    scheduled([`job:${job}:${slot}:${who(target)}`, ...parts].join(':')),
  /** A job's district-wide summary to a dispatch group, apart from what it gets as a project group. */
  dispatch: (job: string, slot: string, groupId: number) => scheduled(`job:${job}:${slot}:dispatch:g${groupId}`),
  /** A job's note to a person at most once a day, whichever slot (or rerun) it came from. */
  nudge: (job: string, date: string, personId: number) => scheduled(`job:${job}:nudge:${date}:p${personId}`),
  /** An admin told of a failure, once per cause. */
  failure: (cause: string, adminId: number): OutboxKey => ({ kind: 'alert', value: `failure:${cause}:p${adminId}` }),
  /** An admin told, once a day, that a group could not be matched after a login. */
  unresolvedGroup: (groupId: number, date: string, adminId: number): OutboxKey => ({
    kind: 'alert',
    value: `rebind:${groupId}:${date}:${adminId}`,
  }),
};

export interface OutboxItem {
  id: number;
  key: string;
  kind: OutboxKind;
  groupId: number | null;
  personId: number | null;
  text: string;
  filePath: string | null;
  mentions: number[];
  attempts: number;
  expiresAt: string | null;
}

export interface NewOutboxItem {
  /** Idempotency key: the same key is only ever queued (and so sent) once. */
  key: OutboxKey;
  target: OutboxTarget;
  text: string;
  mentions?: number[];
  filePath?: string;
  /** After this it is dropped unsent, e.g. a reminder about today once today is over. */
  expiresAt?: Date;
  /** The message this one must follow: it waits while that one is pending or being sent. */
  after?: OutboxKey;
}
