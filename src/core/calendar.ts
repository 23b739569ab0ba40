// The package's own functions parse dates in the process time zone and shift every date by one
// west of UTC, so we read its shipped data file (the documented JSON of the same data) instead.
import packageJson from 'chinese-days/dist/chinese-days.json';
import type { CalendarOverride, DayType } from '../domain/calendar';

/** What kind of day a date is, and what decided it. */
export interface DayKind {
  workday: boolean;
  /**
   * `override`: an admin's entry; `package`: the built-in State Council data; `weekday-fallback`:
   * the built-in data does not know the year, so Monday–Friday applies (see `isCovered`).
   */
  source: 'package' | 'override' | 'weekday-fallback';
  /** The holiday the day belongs to (for a 调休 workday, the one it makes up for), or the admin's note. */
  name?: string;
}

/** Admin overrides by date, as the calendar needs them. */
export type OverrideMap = ReadonlyMap<string, { kind: DayType; note?: string | null }>;

/** Date → "English name,中文名,days" for each listed day. */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === s;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.parse(date) / DAY_MS;
}

const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const yearOf = (n: number): number => new Date(n * DAY_MS).getUTCFullYear();

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

const frozen = (k: DayKind): DayKind => Object.freeze(k);
const PACKAGE_WEEKDAY = frozen({ workday: true, source: 'package' });
const PACKAGE_WEEKEND = frozen({ workday: false, source: 'package' });
const FALLBACK_WEEKDAY = frozen({ workday: true, source: 'weekday-fallback' });
const FALLBACK_WEEKEND = frozen({ workday: false, source: 'weekday-fallback' });

/** A day neither listed by the package nor overridden: Monday–Friday work. */
function ordinaryDay(n: number, packageKnowsYear: boolean): DayKind {
  const weekday = new Date(n * DAY_MS).getUTCDay();
  const monToFri = weekday >= 1 && weekday <= 5;
  if (packageKnowsYear) return monToFri ? PACKAGE_WEEKDAY : PACKAGE_WEEKEND;
  return monToFri ? FALLBACK_WEEKDAY : FALLBACK_WEEKEND;
}

function loadPackage(data: PackageData): { days: Map<string, DayKind>; years: Set<number> } {
  const days = new Map<string, DayKind>();
  const years = new Set<number>();
  const add = (list: Record<string, string>, workday: boolean) => {
    for (const [date, value] of Object.entries(list)) {
      const name = value.split(',')[1] ?? value;
      days.set(date, frozen({ workday, source: 'package', name }));
      // Only a year's own notice sets its Spring Festival; 元旦 days at the end of December
      // come from the next year's notice, so alone they do not mean the package knows that year.
      if (!workday && name === '春节') years.add(Number(date.slice(0, 4)));
    }
  };
  add(data.holidays, false);
  add(data.workdays, true);
  return { days, years };
}

const PACKAGE = loadPackage(packageJson as PackageData);

/** One year's kinds by day index, with running workday counts for O(1) range counting. */
interface YearTable {
  firstDay: number;
  kinds: DayKind[];
  /** `workdaysBefore[i]`: workdays among the year's first `i` days. */
  workdaysBefore: Int32Array;
}

/**
 * Mainland China workdays (调休 included) from the package's data, with admin overrides winning.
 * A snapshot of the overrides: build a new one after they change.
 */
export class WorkCalendar {
  private overrides = new Map<string, DayKind>();
  private overrideYears = new Set<number>();
  private years = new Map<number, YearTable>();
  /** Every day of the years built so far, so a lookup skips parsing the date. */
  private byDate = new Map<string, DayKind>();

  constructor(overrides: OverrideMap = new Map()) {
    for (const [date, o] of overrides) {
      if (!isIsoDate(date)) throw new RangeError(`override of a non-date: ${date}`);
      const kind: DayKind = { workday: o.kind === 'workday', source: 'override' };
      if (o.note) kind.name = o.note;
      this.overrides.set(date, frozen(kind));
      this.overrideYears.add(Number(date.slice(0, 4)));
    }
  }

  /** Over whatever keeps the admin-set days (the calendar store): only its list is read. */
  static fromStore(store: { all(): readonly CalendarOverride[] }): WorkCalendar {
    return new WorkCalendar(new Map(store.all().map((o) => [o.date, o])));
  }

  /** Bound, so it can be handed around as a plain `(date) => boolean`. */
  readonly isWorkday = (date: string): boolean => this.dayKind(date).workday;

  dayKind(date: string): DayKind {
    return this.byDate.get(date) ?? this.kindAt(dayNumber(date));
  }

  /** Whether the year's holidays are known: from the package, or because an admin entered some of its days. */
  isCovered(year: number): boolean {
    return PACKAGE.years.has(year) || this.overrideYears.has(year);
  }

  /** Years from `from`'s to `to`'s that are not covered, ascending. */
  uncoveredYears(from: string, to: string): number[] {
    const out: number[] = [];
    for (let y = yearOf(dayNumber(from)); y <= yearOf(dayNumber(to)); y++) if (!this.isCovered(y)) out.push(y);
    return out;
  }

  /** Workdays from `from` to `to`, both included, ascending; empty when `from` is after `to`. */
  workdaysBetween(from: string, to: string): string[] {
    const end = dayNumber(to);
    const out: string[] = [];
    for (let n = dayNumber(from); n <= end; n++) if (this.kindAt(n).workday) out.push(fromDayNumber(n));
    return out;
  }

  /** How many workdays from `from` to `to`, both included; 0 when `from` is after `to`. */
  countWorkdays(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    let count = 0;
    for (let y = yearOf(start); y <= yearOf(end); y++) {
      const t = this.table(y);
      const lo = Math.max(start, t.firstDay) - t.firstDay;
      const hi = Math.min(end, t.firstDay + t.kinds.length - 1) - t.firstDay;
      if (hi >= lo) count += t.workdaysBefore[hi + 1]! - t.workdaysBefore[lo]!;
    }
    return count;
  }

  /** The last workday strictly before `date`. */
  previousWorkday(date: string): string {
    return this.step(dayNumber(date), -1);
  }

  /** The first workday strictly after `date`. */
  nextWorkday(date: string): string {
    return this.step(dayNumber(date), 1);
  }

  // Ends: overrides are finite, and past them every week has Monday–Friday workdays.
  private step(from: number, by: 1 | -1): string {
    let n = from + by;
    while (!this.kindAt(n).workday) n += by;
    return fromDayNumber(n);
  }

  private kindAt(n: number): DayKind {
    const t = this.table(yearOf(n));
    return t.kinds[n - t.firstDay]!;
  }

  private table(year: number): YearTable {
    let t = this.years.get(year);
    if (!t) {
      t = this.buildYear(year);
      this.years.set(year, t);
    }
    return t;
  }

  private buildYear(year: number): YearTable {
    const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - firstDay;
    const known = PACKAGE.years.has(year);
    const kinds: DayKind[] = new Array(length);
    const workdaysBefore = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const date = fromDayNumber(firstDay + i);
      const kind = this.overrides.get(date) ?? PACKAGE.days.get(date) ?? ordinaryDay(firstDay + i, known);
      kinds[i] = kind;
      this.byDate.set(date, kind);
      workdaysBefore[i + 1] = workdaysBefore[i]! + (kind.workday ? 1 : 0);
    }
    return { firstDay, kinds, workdaysBefore };
  }
}
