import type { Db } from '../store/db';
import type { Clock } from '../time/clock';
import { CalendarStore } from '../store/calendar';
import { WorkCalendar } from './calendar';

const RECHECK_MS = 60_000;

/**
 * The workday calendar as the running bot sees it: rebuilt when an admin changes the override
 * table (from chat or from `rishai calendar` in another process), checked at most once a minute.
 */
export class LiveCalendar {
  private store: CalendarStore;
  private fingerprint: () => string;
  private calendar: WorkCalendar;
  private seen: string;
  private checkedAt = -Infinity;

  constructor(
    db: Db,
    private clock: Clock,
  ) {
    this.store = new CalendarStore(db);
    // data_version moves when another connection (say, `rishai calendar add`) commits; the table's own
    // fingerprint covers changes made through this connection.
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    const table = db.prepare<[], string>("SELECT COUNT(*) || '/' || IFNULL(MAX(set_at), '') FROM calendar_overrides").pluck();
    this.fingerprint = () => `${dataVersion.get()}:${table.get()}`;
    this.seen = this.fingerprint();
    this.calendar = WorkCalendar.fromStore(this.store);
  }

  current(): WorkCalendar {
    const now = this.clock.now().getTime();
    if (now - this.checkedAt >= RECHECK_MS || now < this.checkedAt) {
      this.checkedAt = now;
      const fp = this.fingerprint();
      if (fp !== this.seen) {
        this.seen = fp;
        this.calendar = WorkCalendar.fromStore(this.store);
      }
    }
    return this.calendar;
  }

  isWorkday(date: string): boolean {
    return this.current().isWorkday(date);
  }

  isCovered(year: number): boolean {
    return this.current().isCovered(year);
  }
}
