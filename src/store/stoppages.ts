import type { Db } from './db';
import { addDays, shanghaiIso } from '../time/clock';
import type { Stoppage } from '../domain/stoppage';

interface Row {
  id: number;
  project_id: number;
  reason: string;
  from_date: string;
  to_date: string | null;
}

const toStoppage = (r: Row): Stoppage => ({ id: r.id, projectId: r.project_id, reason: r.reason, fromDate: r.from_date, toDate: r.to_date });

/** Declared stoppages (停工) of projects. */
export class StoppageStore {
  private insert;
  private openOne;
  private close;
  private all;

  constructor(db: Db) {
    this.insert = db.prepare<[number, string, string, string | null, number, string], Row>(
      'INSERT INTO stoppages (project_id, reason, from_date, to_date, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    );
    this.openOne = db.prepare<[number, string, string], Row>(
      'SELECT * FROM stoppages WHERE project_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY id DESC LIMIT 1',
    );
    this.close = db.prepare<[string, number]>('UPDATE stoppages SET to_date = ? WHERE id = ?');
    this.all = db.prepare<[], Row>('SELECT * FROM stoppages ORDER BY project_id, from_date');
  }

  declare(projectId: number, reason: string, fromDate: string, toDate: string | null, by: number, now: Date): Stoppage {
    return toStoppage(this.insert.get(projectId, reason, fromDate, toDate, by, shanghaiIso(now))!);
  }

  /** The stoppage covering a project on a date, if any. */
  on(projectId: number, date: string): Stoppage | undefined {
    const r = this.openOne.get(projectId, date, date);
    return r && toStoppage(r);
  }

  /** Ends a stoppage: the project is due again from `date`. */
  resume(stoppage: Stoppage, date: string): void {
    this.close.run(addDays(date, -1), stoppage.id);
  }

  /** Every stoppage, for computing many days at once. */
  list(): Stoppage[] {
    return this.all.all().map(toStoppage);
  }
}
