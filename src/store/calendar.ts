import type { Db } from './db';
import { shanghaiIso } from '../time/clock';
import type { DayType, CalendarOverride, OverrideInput } from '../domain/calendar';

interface OverrideRow {
  date: string;
  kind: DayType;
  note: string | null;
  set_by: string | null;
  set_at: string;
}

const toOverride = (r: OverrideRow): CalendarOverride => ({
  date: r.date,
  kind: r.kind,
  note: r.note,
  setBy: r.set_by,
  setAt: r.set_at,
});

/** The calendar override table. */
export class CalendarStore {
  private upsert;
  private del;
  private inRange;
  private every;

  constructor(private db: Db) {
    this.upsert = db.prepare<[string, DayType, string | null, string | null, string], OverrideRow>(
      `INSERT INTO calendar_overrides (date, kind, note, set_by, set_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note,
         set_by = excluded.set_by, set_at = excluded.set_at
       RETURNING *`,
    );
    this.del = db.prepare<[string]>('DELETE FROM calendar_overrides WHERE date = ?');
    this.inRange = db.prepare<[string, string], OverrideRow>(
      'SELECT * FROM calendar_overrides WHERE date >= ? AND date < ? ORDER BY date',
    );
    this.every = db.prepare<[], OverrideRow>('SELECT * FROM calendar_overrides ORDER BY date');
    // data_version moves when another connection (say, `rishai calendar add`) commits; the table's own
    // fingerprint covers changes made through this connection.
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    const table = db.prepare<[], string>("SELECT COUNT(*) || '/' || IFNULL(MAX(set_at), '') FROM calendar_overrides").pluck();
    this.fingerprint = () => `${dataVersion.get()}:${table.get()}`;
  }

  /** Changes whenever the overrides may have changed, in this process or another. */
  readonly fingerprint: () => string;

  /** Forces `date` to `kind`, replacing any earlier override of that date. */
  set(date: string, kind: DayType, note: string | null, setBy: string | null, now: Date): CalendarOverride {
    return toOverride(this.upsert.get(date, kind, note, setBy, shanghaiIso(now))!);
  }

  /** Sets every day or none of them. */
  setMany(days: readonly OverrideInput[], setBy: string | null, now: Date): void {
    const at = shanghaiIso(now);
    this.db.transaction(() => {
      for (const d of days) this.upsert.get(d.date, d.kind, d.note, setBy, at);
    })();
  }

  /** Drops the override of `date`; false when there was none. */
  remove(date: string): boolean {
    return this.del.run(date).changes > 0;
  }

  /** Overrides in date order, of one year or of all years. */
  list(year?: number): CalendarOverride[] {
    if (year === undefined) return this.all();
    return this.inRange.all(`${year}-01-01`, `${year + 1}-01-01`).map(toOverride);
  }

  all(): CalendarOverride[] {
    return this.every.all().map(toOverride);
  }
}
