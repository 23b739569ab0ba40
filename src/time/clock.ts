import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** The one source of "now" in the bot; tests and the simulator inject their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and virtual-time simulation. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string | number) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | string | number): void {
    this.t = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

// Mainland China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
// for every date we handle and much cheaper than a tz database lookup on the parsing hot path.
const SHANGHAI_OFFSET_MIN = 480;

export function inShanghai(d: Date | number | string): dayjs.Dayjs {
  return dayjs(d).utcOffset(SHANGHAI_OFFSET_MIN);
}

/** Calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export function shanghaiDate(d: Date | number | string): string {
  return inShanghai(d).format('YYYY-MM-DD');
}

/** ISO timestamp with the Shanghai offset, e.g. `2026-11-24T16:00:02+08:00`; sorts as text. */
export function shanghaiIso(d: Date | number | string): string {
  return inShanghai(d).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** Chinese weekday names, Sunday first (周日, 周一 …), as Date#getUTCDay counts. */
export const WEEKDAY_NAMES = '日一二三四五六';

// The statistics and the warnings do date arithmetic in their inner loops over the same few hundred
// dates: each date's day number, and each day number's date, is worked out once.
const dayNumbers = new Map<string, number>();
const datesOfDay = new Map<number, string>();

function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    dayNumbers.set(date, n);
  }
  return n;
}

function dateOfDay(n: number): string {
  let date = datesOfDay.get(n);
  if (date === undefined) {
    date = new Date(n * 86_400_000).toISOString().slice(0, 10);
    datesOfDay.set(n, date);
  }
  return date;
}

/** Whole calendar days from one `YYYY-MM-DD` date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}
