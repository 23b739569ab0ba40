import type { Db } from './db';

export interface WarningState {
  level: string;
  announcedOn: string;
}

/** The level last announced per project and kind of warning. */
export class WarningStateStore {
  private all;
  private upsert;
  private remove;

  constructor(private db: Db) {
    this.all = db.prepare<[], { project_id: number; kind: string; level: string; announced_on: string }>('SELECT * FROM warning_state');
    this.upsert = db.prepare<[number, string, string, string]>(
      `INSERT INTO warning_state (project_id, kind, level, announced_on) VALUES (?, ?, ?, ?)
       ON CONFLICT (project_id, kind) DO UPDATE SET level = excluded.level, announced_on = excluded.announced_on`,
    );
    this.remove = db.prepare<[number, string]>('DELETE FROM warning_state WHERE project_id = ? AND kind = ?');
  }

  /** Keyed `projectId:kind`. */
  load(): Map<string, WarningState> {
    return new Map(this.all.all().map((r) => [`${r.project_id}:${r.kind}`, { level: r.level, announcedOn: r.announced_on }]));
  }

  /** Applies a run's announcements and clearances in one transaction. */
  save(announced: { projectId: number; kind: string; level: string }[], cleared: { projectId: number; kind: string }[], date: string): void {
    this.db.transaction(() => {
      for (const a of announced) this.upsert.run(a.projectId, a.kind, a.level, date);
      for (const c of cleared) this.remove.run(c.projectId, c.kind);
    })();
  }
}
