import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { Comment, FirstComment } from '../domain/comment';

interface Row {
  id: number;
  report_id: number;
  project_id: number;
  date: string;
  person_id: number;
  text: string;
  created_at: string;
  reported_at: string;
}

const toComment = (r: Row): Comment => ({
  id: r.id,
  reportId: r.report_id,
  projectId: r.project_id,
  date: r.date,
  personId: r.person_id,
  text: r.text,
  createdAt: r.created_at,
  reportedAt: r.reported_at,
});

/** Leaders' comments (点评) on daily reports. */
export class CommentStore {
  private insert;
  private onDay;
  private firsts;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO comments (report_id, project_id, date, person_id, text, message_id, created_at, reported_at)
       VALUES (@reportId, @projectId, @date, @personId, @text, @messageId, @createdAt,
               (SELECT MIN(v.created_at) FROM reports r JOIN reports v ON v.project_id = r.project_id AND v.date = r.date WHERE r.id = @reportId))
       RETURNING *`,
    );
    // Named as the statistics' fields, and answered from the index comments_date alone, in its order.
    // reported_at is the same for every comment of a day (were it not, min() takes it from the first
    // comment's row); times are kept to the second, as unixepoch counts.
    this.firsts = db.prepare<[string, string], FirstComment>(
      `SELECT project_id AS projectId, date, person_id AS personId,
              (MIN(unixepoch(created_at)) - unixepoch(reported_at)) / 3600.0 AS delayHours
       FROM comments WHERE date BETWEEN ? AND ? GROUP BY date, project_id, person_id ORDER BY date, project_id, person_id`,
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

  /** Each person's first comment per project and day on reports dated between two dates (inclusive), by date, for the statistics. */
  firstCommentsBetween(from: string, to: string): FirstComment[] {
    return this.firsts.all(from, to);
  }
}
