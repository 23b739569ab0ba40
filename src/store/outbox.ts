import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { OutboxItem, NewOutboxItem, OutboxKey, OutboxKind } from '../domain/outbox';

interface OutboxRow {
  id: number;
  key: string;
  kind: OutboxKind;
  group_id: number | null;
  person_id: number | null;
  text: string;
  file_path: string | null;
  mentions: string;
  attempts: number;
  expires_at: string | null;
}

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  groupId: r.group_id,
  personId: r.person_id,
  text: r.text,
  filePath: r.file_path,
  mentions: JSON.parse(r.mentions) as number[],
  attempts: r.attempts,
  expiresAt: r.expires_at,
});

/** Whether outbox row `o` still waits for the message it must follow. */
const HELD = "EXISTS (SELECT 1 FROM outbox b WHERE b.key = o.after_key AND b.status IN ('pending', 'sending'))";

/** The persistent outbox. Every message the bot sends passes through here. */
export class OutboxStore {
  private insert;
  private dueRows;
  private sending;
  private sent;
  private retry;
  private fail;
  private interrupted;
  private byKey;
  private counts;
  private earliest;
  /** Bumped on every enqueue in this process, so a sender can tell nothing new arrived. */
  enqueued = 0;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO outbox (key, kind, group_id, person_id, text, file_path, mentions, next_attempt_at, created_at, expires_at, after_key)
       VALUES (@key, @kind, @groupId, @personId, @text, @filePath, @mentions, @now, @now, @expiresAt, @after)`,
    );
    this.dueRows = db.prepare<[string, number], OutboxRow>(
      `SELECT * FROM outbox o WHERE status = 'pending' AND next_attempt_at <= ? AND NOT ${HELD} ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.sending = db.prepare<[number]>("UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'");
    this.sent = db.prepare<[string, number]>("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?");
    this.retry = db.prepare<[string, string, number]>(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
    );
    this.fail = db.prepare<[string, number]>("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?");
    this.interrupted = db.prepare("UPDATE outbox SET status = 'unknown' WHERE status = 'sending'");
    this.byKey = db.prepare<[string], { status: string }>('SELECT status FROM outbox WHERE key = ?');
    // A message waiting for another is due when that one is, not at its own (past) time.
    this.earliest = db
      .prepare<[], string | null>(`SELECT MIN(next_attempt_at) FROM outbox o WHERE status = 'pending' AND NOT ${HELD}`)
      .pluck();
    this.counts = db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');
  }

  /** Queues a message; returns false when its key was queued before. */
  enqueue(item: NewOutboxItem, now: Date): boolean {
    const t = item.target;
    this.enqueued++;
    return (
      this.insert.run({
        key: item.key.value,
        kind: item.key.kind,
        groupId: 'groupId' in t ? t.groupId : null,
        personId: 'personId' in t ? t.personId : null,
        text: item.text,
        filePath: item.filePath ?? null,
        mentions: JSON.stringify(item.mentions ?? []),
        now: shanghaiIso(now),
        expiresAt: item.expiresAt ? shanghaiIso(item.expiresAt) : null,
        after: item.after?.value ?? null,
      }).changes > 0
    );
  }

  /** When the next pending message becomes due, or null when none is pending. */
  nextDueAt(): Date | null {
    const at = this.earliest.get();
    return at ? new Date(at) : null;
  }

  due(now: Date, limit: number): OutboxItem[] {
    return this.dueRows.all(shanghaiIso(now), limit).map(toItem);
  }

  /** Claims an item for sending; false when someone else already did. */
  claim(id: number): boolean {
    return this.sending.run(id).changes > 0;
  }

  markSent(id: number, now: Date): void {
    this.sent.run(shanghaiIso(now), id);
  }

  markRetry(id: number, error: string, at: Date): void {
    this.retry.run(shanghaiIso(at), error, id);
  }

  markFailed(id: number, error: string): void {
    this.fail.run(error, id);
  }

  /**
   * Items caught mid-send by a crash may or may not have reached WeChat. Resending could post
   * twice, so they are set aside as 'unknown' for an admin to look at instead.
   */
  setAsideInterrupted(): number {
    return this.interrupted.run().changes;
  }

  statusOf(key: OutboxKey): string | undefined {
    return this.byKey.get(key.value)?.status;
  }

  countByStatus(): Record<string, number> {
    return Object.fromEntries(this.counts.all().map((r) => [r.status, r.n]));
  }
}
