/**
 * Numbers as staff type them on phones: Arabic or Chinese numerals, full- or half-width,
 * money in 元/万元/亿元. Every parser returns null rather than guessing; range checks are
 * the caller's, so a typed 110% can be reported as out of range instead of unreadable.
 */

const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const CHUNK = 8192;

/**
 * Full-width ASCII forms (digits, letters, ：；，（）％ …) and the ideographic space to their
 * half-width counterparts. One code unit maps to one, so offsets into the result are offsets
 * into the input.
 */
export function toHalfWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text; // most values are plain; skip the copy
  // Code units mapped in a loop and joined in chunks: a replace() callback per character is
  // several times slower on a long full-width run.
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c === 0x3000 ? 0x20 : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  return out;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const SPACES_AND_GROUPING = /[\s,]/g;
const ARABIC = /\d+(?:\.\d+)?/y;
const CHINESE_DIGIT_RUN = new RegExp(`^[${Object.keys(DIGITS).join('')}]{2,}$`);
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** Drops binary floating-point noise such as 1.42 × 1e8 = 141999999.99999997. */
function clean(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(15));
}

/**
 * 一百二十 → 120, 两千 → 2000, 三千五 → 3500, 一百零五 → 105, 二〇二六 → 2026, 1万2千 → 12000,
 * 1.42亿 → 142000000, 三点五 → 3.5, 102 → 102. Non-negative only; null when not a number.
 */
export function parseChineseNumber(text: string): number | null {
  return readNumber(compact(text));
}

/** Half-width, without spaces or digit-grouping commas: the form every reader below takes. */
function compact(text: string): string {
  return toHalfWidth(text).replace(SPACES_AND_GROUPING, '');
}

/** Longer than any quantity a report states (一亿二千三百四十五万六千七百八十九 is 17): not read at all. */
const MAX_NUMBER_LENGTH = 40;

function readNumber(s: string): number | null {
  if (!s || s.length > MAX_NUMBER_LENGTH) return null;
  if (PLAIN_NUMBER.test(s)) return finite(Number(s));
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = readNumber(s.slice(0, point));
    const fraction = positional(s.slice(point + 1));
    return whole === null || fraction === null ? null : finite(clean(Number(`${whole}.${fraction}`)));
  }
  const digits = CHINESE_DIGIT_RUN.test(s) ? positional(s) : null;
  return finite(digits !== null ? Number(digits) : withUnits(s));
}

function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/** 二〇二六 → '2026': digits read one by one, as years and decimal fractions are written. */
function positional(s: string): string | null {
  if (!s) return null;
  let out = '';
  for (const c of s) {
    if (c >= '0' && c <= '9') out += c;
    else {
      const d = DIGITS[c];
      if (d === undefined) return null;
      out += String(d);
    }
  }
  return out;
}

function withUnits(s: string): number | null {
  let total = 0; // the 亿 group
  let wan = 0; // the 万 group
  let section = 0; // below 万
  let num: number | null = null;
  let started = false; // anything read in the current group, so 0万 is 0 and a bare 万 is not
  let lastSmall = Infinity; // 十/百/千 must come in falling order within a section
  let lastBig = Infinity;
  let lastUnit = 0; // for 三千五 = 3500: a trailing lone digit counts in the next lower unit
  let zeroSinceUnit = false;

  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(s);
      if (!m || num !== null) return null;
      num = Number(m[0]);
      started = true;
      i += m[0].length;
      continue;
    }
    i++;
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (digit === 0) {
        zeroSinceUnit = true;
        started = true;
        continue;
      }
      if (num !== null) return null;
      num = digit;
      started = true;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      if (num === null && section !== 0) return null;
      section += (num ?? 1) * small;
      num = null;
      lastSmall = small;
      lastUnit = small;
      zeroSinceUnit = false;
      started = true;
      continue;
    }
    const big = BIG_UNITS[c];
    if (big === undefined || big >= lastBig || !started) return null;
    // Falling order makes 亿 come before any 万, so each is set once.
    const group = section + (num ?? 0);
    if (big === 1e4) wan = group * 1e4;
    else total = group * 1e8;
    section = 0;
    num = null;
    started = false;
    lastSmall = Infinity;
    lastBig = big;
    lastUnit = big;
    zeroSinceUnit = false;
  }
  if (num !== null && lastUnit >= 100 && !zeroSinceUnit && Number.isInteger(num) && num < 10) num *= lastUnit / 10;
  return clean(total + wan + section + (num ?? 0));
}

const AMOUNT = /^(?:约为|约|近|共计|共|合计|累计|人民币|RMB|¥|￥)*(.*?)(?:左右)?$/i;
const BIG_UNIT_CHAR = /[万萬亿億]/;

/**
 * Money in 万元: 1.42亿元 → 14200, 8,500万元 → 8500, 三千五百万元 → 3500, 120000元 → 12.
 * A number without any unit is taken as already in 万元, the office's unit.
 */
export function parseAmountWan(text: string): number | null {
  let s = AMOUNT.exec(compact(text))?.[1] ?? '';
  const inYuan = s.endsWith('元');
  if (inYuan) s = s.slice(0, -1);
  const n = readNumber(s);
  if (n === null) return null;
  return inYuan || BIG_UNIT_CHAR.test(s) ? clean(n / 1e4) : n;
}

const PERCENT_SIGN = /^(-?\d+(?:\.\d+)?)%$/;
const PERCENT_WORDS = /^百分之(.+)$/;
const BARE_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** 38%, 38％, 70.5%, 百分之七十, or a bare 38. May be negative or over 100: ranges are the caller's. */
export function parsePercent(text: string): number | null {
  const s = compact(text);
  const sign = PERCENT_SIGN.exec(s);
  if (sign) return Number(sign[1]);
  const words = PERCENT_WORDS.exec(s);
  if (words) return readNumber(words[1]!);
  return BARE_NUMBER.test(s) ? Number(s) : null;
}

export interface PercentHit {
  value: number;
  /** Offsets of the percentage in the searched text. */
  start: number;
  end: number;
}

// The lookbehind starts a number only at its first digit, which keeps the search linear.
const PERCENT_ANYWHERE = /(?<![\d.])-?\d+(?:\.\d+)?\s*%|百分之[零〇一二两三四五六七八九十百点]+/;

/** The first percentage written anywhere in half-width text, e.g. the 38% of `38%（主体施工）`. */
export function findPercent(text: string): PercentHit | null {
  const m = PERCENT_ANYWHERE.exec(text);
  if (!m) return null;
  const value = parsePercent(m[0]);
  return value === null ? null : { value, start: m.index, end: m.index + m[0].length };
}

/** The last percentage in a text and how many there are (从30%提升到38% → 38, of 2). */
export function findLastPercent(text: string): (PercentHit & { count: number }) | null {
  let last: PercentHit | null = null;
  let count = 0;
  for (let rest = 0, hit = findPercent(text); hit; hit = findPercent(text.slice(rest))) {
    last = { value: hit.value, start: rest + hit.start, end: rest + hit.end };
    rest = last.end;
    count++;
  }
  return last && { ...last, count };
}

const COUNT = /^(?:约|共计|共|合计|计)*(.*?)(?:人次|人|名|个|台套|台班|台|辆|部|套|架)?(?:左右)?$/;

/** A head count or machine count: 64人, 八十人, 7台, 102. Non-negative integers only. */
export function parseCount(text: string): number | null {
  const m = COUNT.exec(compact(text));
  const n = m ? readNumber(m[1]!) : null;
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

const NUMERALS = '\\d零〇一二两三四五六七八九十百';
// Only units that count people or machines: 两个班组 is no head count.
const COUNT_PAIR = new RegExp(`(?<![${NUMERALS}])([${NUMERALS}]+)(?:人|名|台套|台|辆|部|套|架)`, 'g');
const COUNT_FILLER = /^[\p{Script=Han}A-Za-z\s、,;/+]*$/u;

/**
 * An itemised count, as machines are often listed: 挖掘机3台、塔吊2台 → 5. Between the counted
 * items only names and separators may stand, so 塔吊2台（1台待检） is not summed.
 */
export function sumCounts(text: string): number | null {
  const s = toHalfWidth(text);
  let sum = 0;
  let found = false;
  let filler = '';
  let last = 0;
  COUNT_PAIR.lastIndex = 0;
  for (let m = COUNT_PAIR.exec(s); m !== null; m = COUNT_PAIR.exec(s)) {
    const n = readNumber(m[1]!);
    if (n === null || !Number.isSafeInteger(n)) return null;
    sum += n;
    found = true;
    filler += s.slice(last, m.index) + ' ';
    last = COUNT_PAIR.lastIndex;
  }
  return found && Number.isSafeInteger(sum) && COUNT_FILLER.test(filler + s.slice(last)) ? sum : null;
}
