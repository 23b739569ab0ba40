import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

/** Site photos linked to reports. */
export class MediaStore {
  private insert;
  private forReport;

  constructor(db: Db) {
    this.insert = db.prepare<[number, number, string, string]>(
      'INSERT INTO media (report_id, message_id, path, created_at) VALUES (?, ?, ?, ?)',
    );
    this.forReport = db.prepare<[number], string>('SELECT path FROM media WHERE report_id = ? ORDER BY id').pluck();
  }

  link(reportId: number, messageId: number, path: string, now: Date): void {
    this.insert.run(reportId, messageId, path, shanghaiIso(now));
  }

  pathsOf(reportId: number): string[] {
    return this.forReport.all(reportId);
  }
}
