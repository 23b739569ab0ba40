import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

/** The failure causes the admins have been told of. */
export class FailureCauseStore {
  private insert;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string]>('INSERT OR IGNORE INTO failure_causes (cause, told_at) VALUES (?, ?)');
  }

  /** Records a cause; true only the first time, so each is told once. */
  firstTime(cause: string, now: Date): boolean {
    return this.insert.run(cause, shanghaiIso(now)).changes > 0;
  }
}
