import { parseChineseNumber, toHalfWidth } from './numbers';

/** A date as typed: days back from the posting day, or a calendar date whose year may be left out. */
export type DateSpec = { daysBack: number } | { y: number | null; m: number; d: number };

const DATE_HINT = /[0-9０-９月今昨前当本]/;
const RELATIVE_DAYS: readonly (readonly [string, number])[] = [
  ['今天', 0], ['今日', 0], ['当天', 0], ['当日', 0], ['本日', 0], ['昨天', 1], ['昨日', 1], ['前天', 2],
];
const DATE_CHINESE = /(?:([\d〇零一二三四五六七八九]{2,4})\s*年\s*)?([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*[日号]?/y;
const DATE_NUMERIC = /(?:(\d{4})\s*[-/.]\s*)?(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d.])/y;
// A weekday, a time of day or 日报 after a date says nothing more: 11月25日（星期三）, 11月24日 17:30.
const AFTER_DATE =
  /\s*(?:[(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)]|(?:星期|周|礼拜)[一二三四五六日天])?\s*(?:(?:上午|下午|晚上|早上)?\d{1,2}\s*[:点]\s*(?:\d{1,2}\s*分?)?(?::\d{1,2})?)?\s*(?:日报)?/y;

const DIGITS_ONLY = /^\d+$/;

/** 11 or 十一: digits as most dates are typed, read without the Chinese-numeral reader. */
function numberOf(s: string): number | null {
  return DIGITS_ONLY.test(s) ? Number(s) : parseChineseNumber(s);
}

/** A date at the start of a text, and where its words end: what follows is a remark. */
export function readDate(text: string): { spec: DateSpec; end: number } | null {
  if (!DATE_HINT.test(text)) return null; // most texts tried as a date are none
  const s = toHalfWidth(text);
  let p = 0;
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  let spec: DateSpec | null = null;
  for (const [word, back] of RELATIVE_DAYS) {
    if (s.startsWith(word, p)) {
      spec = { daysBack: back };
      p += word.length;
      break;
    }
  }
  if (!spec) {
    DATE_CHINESE.lastIndex = p;
    DATE_NUMERIC.lastIndex = p;
    const m = DATE_CHINESE.exec(s) ?? DATE_NUMERIC.exec(s);
    if (!m) return null;
    const y = m[1] === undefined ? null : numberOf(m[1]);
    const month = numberOf(m[2]!);
    const day = numberOf(m[3]!);
    if (month === null || day === null || (m[1] !== undefined && y === null)) return null;
    spec = { y: y !== null && y < 100 ? 2000 + y : y, m: month, d: day };
    p = m.index + m[0].length;
  }
  AFTER_DATE.lastIndex = p;
  AFTER_DATE.test(s);
  return { spec, end: AFTER_DATE.lastIndex };
}

const REMARK = /[^\s:：;；,，。、]/;

/** A text that is a date and nothing else (a weekday or time aside). */
export function parseDateText(text: string): DateSpec | null {
  const read = readDate(text);
  return read && !REMARK.test(text.slice(read.end)) ? read.spec : null;
}

const DAY_MS = 86_400_000;
/** A year-less date further ahead than this is last year's, as on Jan 2 about 12月31日. */
const YEAR_ROLLBACK_DAYS = 30;
const EARLIEST_YEAR = 2000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function resolveDate(spec: DateSpec, today: string): { date: string } | { problem: string } {
  const ty = Number(today.slice(0, 4));
  const todayT = Date.UTC(ty, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  if ('daysBack' in spec) {
    const d = new Date(todayT - spec.daysBack * DAY_MS);
    return { date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` };
  }
  let y = spec.y ?? ty;
  if (spec.y === null && Date.UTC(y, spec.m - 1, spec.d) - todayT > YEAR_ROLLBACK_DAYS * DAY_MS) y -= 1;
  if (y < EARLIEST_YEAR || y > 9999 || spec.m < 1 || spec.d < 1 || spec.d > daysInMonth(y, spec.m)) {
    return { problem: '不是有效的日期' };
  }
  const date = `${y}-${pad2(spec.m)}-${pad2(spec.d)}`;
  return date > today ? { problem: '日期不能晚于发送当天' } : { date };
}

/**
 * A date typed in a command about the future (`#停工 … 至 12月5日`): the same forms as in reports,
 * but a year-less date already past is next year's. Null when it is not a date.
 */
export function readFutureDate(text: string, today: string): string | null {
  const spec = parseDateText(text);
  if (!spec) return null;
  if ('daysBack' in spec || spec.y !== null) {
    const r = resolveDate(spec, 'daysBack' in spec ? today : '9999-12-31');
    return 'date' in r ? r.date : null;
  }
  const thisYear = resolveDate({ ...spec, y: Number(today.slice(0, 4)) }, '9999-12-31');
  if (!('date' in thisYear)) return null;
  if (thisYear.date >= today) return thisYear.date;
  const next = resolveDate({ ...spec, y: Number(today.slice(0, 4)) + 1 }, '9999-12-31');
  return 'date' in next ? next.date : null;
}
