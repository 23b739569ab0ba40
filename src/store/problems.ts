import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { ProblemStatus, Problem } from '../domain/problem';

interface Row {
  id: number;
  project_id: number;
  text: string;
  first_date: string;
  last_date: string;
  status: ProblemStatus;
  announced_level: number;
  reopens: number | null;
  closed_by: number | null;
  closed_at: string | null;
  close_note: string | null;
}

const toProblem = (r: Row): Problem => ({
  id: r.id,
  projectId: r.project_id,
  text: r.text,
  firstDate: r.first_date,
  lastDate: r.last_date,
  status: r.status,
  announcedLevel: r.announced_level,
  reopens: r.reopens,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
  closeNote: r.close_note,
});

export interface NewProblem {
  projectId: number;
  text: string;
  date: string;
  reportId: number;
  reopens: number | null;
}

/** Problems from daily reports (问题跟踪) and the report versions each appeared in. */
export class ProblemStore {
  private insert;
  private link;
  private update;
  private byId;
  private ofProject;
  private allOpen;
  private raisedUpTo;
  private withdraw;
  private closeOne;
  private announced;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO problems (project_id, text, first_date, last_date, reopens, created_at)
       VALUES (@projectId, @text, @date, @date, @reopens, @createdAt) RETURNING *`,
    );
    this.link = db.prepare<[number, number]>('INSERT OR IGNORE INTO problem_reports (problem_id, report_id) VALUES (?, ?)');
    // A back-filled older report extends the item's span but does not replace its newer wording.
    this.update = db.prepare(
      `UPDATE problems SET text = CASE WHEN @date >= last_date THEN @text ELSE text END,
         first_date = MIN(first_date, @date), last_date = MAX(last_date, @date)
       WHERE id = @id`,
    );
    this.byId = db.prepare<[number], Row>('SELECT * FROM problems WHERE id = ?');
    this.ofProject = db.prepare<[number, ProblemStatus], Row>(
      'SELECT * FROM problems WHERE project_id = ? AND status = ? ORDER BY closed_at DESC, id',
    );
    this.allOpen = db.prepare<[], Row>("SELECT * FROM problems WHERE status = 'open' ORDER BY first_date, id");
    this.raisedUpTo = db.prepare<[string], Row>('SELECT * FROM problems WHERE first_date <= ? ORDER BY first_date, id');
    this.withdraw = db
      .prepare<[string, number | null, number], number>(
        `UPDATE problems SET status = 'withdrawn', closed_at = ?, withdrawn_by = ?
         WHERE project_id = ? AND status = 'open' AND NOT EXISTS (
           SELECT 1 FROM problem_reports pr JOIN reports r ON r.id = pr.report_id
           WHERE pr.problem_id = problems.id AND r.current = 1)
         RETURNING id`,
      )
      .pluck();
    this.closeOne = db.prepare<[number, string, string, number]>(
      "UPDATE problems SET status = 'closed', closed_by = ?, closed_at = ?, close_note = ? WHERE id = ? AND status = 'open'",
    );
    this.announced = db.prepare<[number, number]>('UPDATE problems SET announced_level = ? WHERE id = ?');
  }

  /** Opens an item for a problem first seen in a report. */
  raise(p: NewProblem, now: Date): Problem {
    const row = this.insert.get({ ...p, createdAt: shanghaiIso(now) }) as Row;
    this.link.run(row.id, p.reportId);
    return toProblem(row);
  }

  /** Notes that an open item appeared again in a report. */
  seen(id: number, text: string, date: string, reportId: number): void {
    this.update.run({ id, text, date });
    this.link.run(id, reportId);
  }

  get(id: number): Problem | undefined {
    const row = this.byId.get(id);
    return row && toProblem(row);
  }

  /** A project's items in one status; closed ones most recently closed first. */
  ofStatus(projectId: number, status: ProblemStatus): Problem[] {
    return this.ofProject.all(projectId, status).map(toProblem);
  }

  /** Every open item in the district, longest open first. */
  open(): Problem[] {
    return this.allOpen.all().map(toProblem);
  }

  /** Every item raised on or before a date, whatever became of it (for the statistics). */
  raisedBy(date: string): Problem[] {
    return this.raisedUpTo.all(date).map(toProblem);
  }

  /**
   * Withdraws a project's open items that no current report carries any more (a correction dropped them),
   * noting the correcting report; returns their ids.
   */
  withdrawUnreported(projectId: number, now: Date, byReport: number | null = null): number[] {
    return this.withdraw.all(shanghaiIso(now), byReport, projectId);
  }

  /** Closes an open item (销号); false when it was not open. */
  close(id: number, by: number, note: string, now: Date): boolean {
    return this.closeOne.run(by, shanghaiIso(now), note, id).changes > 0;
  }

  /** Records the ladder step last announced for an item, so each step is announced once. */
  setAnnounced(id: number, level: number): void {
    this.announced.run(level, id);
  }
}
