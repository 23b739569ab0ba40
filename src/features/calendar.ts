import type { Clock } from '../time/clock';
import type { CalendarStore } from '../store/calendar';
import { WorkCalendar } from '../core/calendar';

const RECHECK_MS = 60_000;

/**
 * The workday calendar as the running bot sees it: rebuilt when an admin changes the override
 * table (from chat or from `rishai calendar` in another process), checked at most once a minute.
 */
export class LiveCalendar {
  private calendar: WorkCalendar;
  private seen: string;
  private checkedAt = -Infinity;

  constructor(
    private store: CalendarStore,
    private clock: Clock,
  ) {
    this.seen = store.fingerprint();
    this.calendar = WorkCalendar.fromStore(this.store);
  }

  current(): WorkCalendar {
    const now = this.clock.now().getTime();
    if (now - this.checkedAt >= RECHECK_MS || now < this.checkedAt) {
      this.checkedAt = now;
      const fp = this.store.fingerprint();
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
