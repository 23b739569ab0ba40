export type OutboxTarget = { groupId: number } | { personId: number };

export interface OutboxItem {
  id: number;
  key: string;
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
  key: string;
  target: OutboxTarget;
  text: string;
  mentions?: number[];
  filePath?: string;
  /** After this it is dropped unsent, e.g. a reminder about today once today is over. */
  expiresAt?: Date;
  /** The key of a message this one must follow: it waits while that one is pending or being sent. */
  after?: string;
}
