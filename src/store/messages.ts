import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { MessageOutcome, InboundRecord } from '../domain/message';

/** The inbound message log: everything is written here before it is interpreted. */
export class MessageStore {
  private insert;
  private outcome;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO messages
         (puppet_message_id, group_id, person_id, room_topic, talker_name, type, text, posted_at, received_at)
       VALUES (@puppetMessageId, @groupId, @personId, @roomTopic, @talkerName, @type, @text, @postedAt, @receivedAt)`,
    );
    this.outcome = db.prepare<[string, number]>('UPDATE messages SET outcome = ? WHERE id = ?');
  }

  /** Stores a message; returns its id, or null when that puppet message id was seen before. */
  record(m: InboundRecord): number | null {
    const info = this.insert.run({ ...m, postedAt: shanghaiIso(m.postedAt), receivedAt: shanghaiIso(m.receivedAt) });
    return info.changes === 0 ? null : Number(info.lastInsertRowid);
  }

  setOutcome(id: number, outcome: MessageOutcome): void {
    this.outcome.run(outcome, id);
  }
}
