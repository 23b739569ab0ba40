import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

export interface Comment {
  id: number;
  reportId: number;
  projectId: number;
  date: string;
  personId: number;
  text: string;
  createdAt: string;
}

interface Row {
  id: number;
  report_id: number;
  project_id: number;
  date: string;
  person_id: number;
  text: string;
  created_at: string;
}

const toComment = (r: Row): Comment => ({
  id: r.id,
  reportId: r.report_id,
  projectId: r.project_id,
  date: r.date,
  personId: r.person_id,
  text: r.text,
  createdAt: r.created_at,
});

/** Leaders' comments (点评) on daily reports. */
export class CommentStore {
  private insert;
  private onDay;
  private between;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO comments (report_id, project_id, date, person_id, text, message_id, created_at)
       VALUES (@reportId, @projectId, @date, @personId, @text, @messageId, @createdAt) RETURNING *`,
    );
    // Named as Comment's fields: the statistics read two months of comments, with no copy per row.
    this.between = db.prepare<[string, string], Comment>(
      `SELECT id, report_id AS reportId, project_id AS projectId, date, person_id AS personId, text, created_at AS createdAt
       FROM comments WHERE date BETWEEN ? AND ? ORDER BY id`,
    );
    this.onDay = db.prepare<[number, string], Row>('SELECT * FROM comments WHERE project_id = ? AND date = ? ORDER BY id');
  }

  add(c: { reportId: number; projectId: number; date: string; personId: number; text: string; messageId: number }, now: Date): Comment {
    return toComment(this.insert.get({ ...c, createdAt: shanghaiIso(now) }) as Row);
  }

  /** Comments on a project's report of a day. */
  on(projectId: number, date: string): Comment[] {
    return this.onDay.all(projectId, date).map(toComment);
  }

  /** Comments on reports dated between two dates (inclusive). */
  onDaysBetween(from: string, to: string): Comment[] {
    return this.between.all(from, to);
  }
}
