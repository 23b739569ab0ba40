import { isSpace, skipSpaces } from './text';

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
  // Code units mapped in a loop and joined in chunks: a replace() callback per character, or
  // spreading the codes, is three times slower.
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c === 0x3000 ? 0x20 : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
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
  const big = BIG_UNITS[s[s.length - 1]!];
  // 一点五亿: the fraction is read digit by digit, so a unit after it scales the whole number.
  if (point >= 0 && big !== undefined) {
    const n = readNumber(s.slice(0, -1));
    return n === null ? null : finite(clean(n * big));
  }
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

const PERCENT_SIGN = /^(-?\d+(?:\.\d+)?)%$/;
const PERCENT_WORDS = /^百分之(.+)$/;
const BARE_NUMBER = /^-?\d+(?:\.\d+)?$/;

const SIMPLE_PERCENT = /^(\d+(?:\.\d+)?)%$/;

/** 38%, 38％, 70.5%, 百分之七十, or a bare 38. May be negative or over 100: ranges are the caller's. */
export function parsePercent(text: string): number | null {
  const simple = SIMPLE_PERCENT.exec(text); // as most are typed: read without a copy
  if (simple) return Number(simple[1]);
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

// The lookbehind starts a number only at its first digit, which keeps the search linear. Full-width
// forms are matched as typed, so a value need not be copied half-width first.
const PERCENT_ANYWHERE = /(?<![\d.０-９．])[-－]?[\d０-９]+(?:[.．][\d０-９]+)?\s*[%％]|百分之[零〇一二两三四五六七八九十百点]+/g;

/** The first and last percentages written in half-width text, and how many there are. */
export interface Percentages {
  first: PercentHit;
  last: PercentHit;
  count: number;
}

/** The percentages in a text (从30%提升到38% → 30 and 38, of 2); null when there is none. */
export function findPercents(text: string): Percentages | null {
  let found: Percentages | null = null;
  PERCENT_ANYWHERE.lastIndex = 0;
  for (let m = PERCENT_ANYWHERE.exec(text); m !== null; m = PERCENT_ANYWHERE.exec(text)) {
    const value = parsePercent(m[0]);
    if (value === null) continue;
    const hit = { value, start: m.index, end: m.index + m[0].length };
    if (found) {
      found.last = hit;
      found.count++;
    } else found = { first: hit, last: hit, count: 1 };
  }
  return found;
}

/** A figure at the start of a value, and where its words end: what follows is a remark. */
export interface Figure {
  value: number;
  end: number;
}

const isDigitChar = (c: string) => c >= '0' && c <= '9';
/** Characters of a written number: 12,800 and 1.42亿 and 两千三百万 and 2.5个亿. */
const NUMBER_CHARS = new Set('0123456789.,零〇一二两三四五六七八九十百千万亿点壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億个');
const DIGIT_WORDS = new Set(Object.keys(DIGITS));

/** Skips the first of `words` found at `p`, repeatedly: 约, 共计, 人民币 … (longer words listed first). */
function skipWords(s: string, p: number, words: readonly string[]): number {
  for (let moved = true; moved; ) {
    moved = false;
    p = skipSpaces(s, p);
    if (p >= s.length || isDigitChar(s[p]!)) break; // most figures start at once
    for (const w of words) {
      if (s.startsWith(w, p)) {
        p += w.length;
        moved = true;
        break;
      }
    }
  }
  return p;
}

/** The end of the run of number characters at `p`; a 个 counts only before 万 or 亿 (2.5个亿). */
function numberRunEnd(s: string, p: number): number {
  let q = p;
  while (q < s.length && NUMBER_CHARS.has(s[q]!)) {
    if (s[q] === '个' && !BIG_UNITS[s[q + 1] ?? '']) break;
    if (s[q] === ',' && !isDigitChar(s[q + 1] ?? '')) break;
    q++;
  }
  return q;
}

/**
 * The number written in `s[from, to)`, or null. It needs a digit (十余台, 近百人 aside): 千万 alone is
 * no amount.
 */
function numberIn(s: string, from: number, to: number, unitOnlyOk: boolean): { value: number; big: boolean } | null {
  if (to - from > MAX_NUMBER_LENGTH) return null;
  let hasDigit = false;
  let plain = true; // only 0-9 and a point: read directly, the common case
  let big = false;
  let drop = false;
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (isDigitChar(c)) hasDigit = true;
    else if (c === ',' || c === '个' || isSpace(c.charCodeAt(0))) drop = true;
    else {
      // 1.42亿, 9600万: plain digits and one unit at the end are read directly too.
      if (c !== '.' && !(BIG_UNITS[c] !== undefined && i === to - 1)) plain = false;
      if (DIGIT_WORDS.has(c)) hasDigit = true;
      else if (BIG_UNITS[c] !== undefined) big = true;
    }
  }
  if (!hasDigit && !unitOnlyOk) return null;
  const run = drop ? s.slice(from, to).replace(/[,个\s]/g, '') : s.slice(from, to);
  let value: number | null;
  if (!plain) value = readNumber(run);
  else if (big) value = finite(clean(Number(run.slice(0, -1)) * BIG_UNITS[run[run.length - 1]!]!));
  else value = finite(Number(run));
  return value === null ? null : { value, big };
}

const MAX_WORDS_BEFORE = 12;

/** A Chinese character that is no numeral: words, not a figure. */
function isWordChar(c: string): boolean {
  return c >= '\u4e00' && c <= '\u9fff' && !NUMBER_CHARS.has(c);
}

/** Words that may stand before an amount: 约2800万元, 共计1.2亿, ￥1,520万元, 已完成投资1.6亿元. */
const AMOUNT_LEADS = [
  '已完成投资', '完成投资', '累计完成', '人民币', '约为', '大约', '将近', '接近', '共计', '总计', '合计', '累计', '已完成', '完成',
  '达到', '投资', 'RMB', '约', '近', '共', '计', '达', '为', '¥', '￥',
];
const YUAN_UNITS: Readonly<Record<string, number>> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/**
 * Money in 万元 at the start of a value: 1.42亿元 → 14200, 8,500万元 → 8500, 三千五百万元 → 3500,
 * 2.5个亿 → 25000, 3500000元 → 350. A figure without a unit takes the label's (累计完成投资（亿元）)
 * or is already in 万元, the office's unit. Negative figures are read, to be refused by the caller.
 */
export function readAmount(text: string, labelUnit?: string): Figure | null {
  const s = toHalfWidth(text);
  let p = skipWords(s, 0, AMOUNT_LEADS);
  // 截至目前完成1.8亿元: words before the figure, which must then say 万, 亿 or 元 to be money.
  const wordsStart = p;
  while (p < s.length && p - wordsStart < MAX_WORDS_BEFORE && isWordChar(s[p]!)) p++;
  const worded = p > wordsStart;
  if (worded) p = skipWords(s, p, AMOUNT_LEADS);
  const negative = s[p] === '-';
  if (negative) p++;
  const runEnd = numberRunEnd(s, p);
  let q = skipSpaces(s, runEnd);
  let scale: number | undefined;
  let to = runEnd;
  // 2.05 亿元: a unit after a space still belongs to the figure.
  if (q > runEnd && BIG_UNITS[s[q]!] !== undefined) to = ++q;
  if (s[q] === '元') {
    q++;
    scale = 1e-4;
  }
  const number = numberIn(s, p, to, false);
  if (number === null || (worded && !number.big && scale === undefined)) return null;
  if (number.big) scale = 1e-4;
  q = skipSpaces(s, q);
  const bracketed = bracketedUnit(s, q, YUAN_UNITS);
  if (bracketed) {
    scale ??= bracketed.scale;
    q = bracketed.end;
  }
  q = skipWords(s, q, ['左右', '余', '多']);
  const wan = number.value * (scale ?? (labelUnit !== undefined ? (YUAN_UNITS[labelUnit] ?? 1) : 1));
  return { value: negative ? -clean(wan) : clean(wan), end: q };
}

/** `（万元）` or `(人)` right after a figure: its scale and where it ends. */
function bracketedUnit(s: string, p: number, units: Readonly<Record<string, number>>): { scale: number; end: number } | null {
  if (s[p] !== '(') return null;
  const close = s.indexOf(')', p);
  if (close < 0 || close - p > 5) return null;
  const scale = units[s.slice(p + 1, close).trim()];
  return scale === undefined ? null : { scale, end: close + 1 };
}

const PEOPLE = ['人次', '人', '名', '位'];
const MACHINES = ['台套', '台班', '台', '辆', '部', '套', '架', '艘'];
type CountUnit = 'people' | 'machines' | 'none';
const COUNT_UNITS: readonly [string, CountUnit][] = [
  ...PEOPLE.map((u) => [u, 'people'] as [string, CountUnit]),
  ...MACHINES.map((u) => [u, 'machines'] as [string, CountUnit]),
];
const COUNT_LEADS = ['约为', '大约', '将近', '接近', '共计', '总计', '合计', '约', '近', '上', '共', '计', '有', '达到', '达', '为'];
const TOTAL_LEADS = ['共计', '总计', '合计', '共'];
/** Where a counted item's name ends: a separator or bracket means the figure has not come. */
const ITEM_END = new Set(',;，；。、:()（）【】[]+/\n');
const PART_SEPARATORS = new Set(',;，；、+/ ');
/** A part that explains the total rather than adding to it: 其中管理人员8人, 含旋挖钻机2台. */
const NOT_A_PART = ['其中', '含', '包括', '另', '其', '较', '比'];

interface CountItem {
  value: number;
  unit: CountUnit;
  named: boolean;
  end: number;
}

/**
 * One counted item from `p`: an optional name, 约/共 …, a number, 余/多, a unit, 左右. The name may
 * hold numerals that no unit follows (一号塔吊1台).
 */
function countItem(s: string, p: number): CountItem | null {
  const start = skipWords(s, p, COUNT_LEADS);
  for (let q = start; q < s.length && !ITEM_END.has(s[q]!); ) {
    const runEnd = numberRunEnd(s, q);
    if (runEnd === q) {
      q++;
      continue;
    }
    const negative = q === start + 1 && s[start] === '-';
    let r = skipSpaces(s, runEnd);
    const approx = s[r] === '余' || s[r] === '多' || s[r] === '来';
    if (approx) r++;
    let unit: CountUnit = 'none';
    let written: readonly [string, CountUnit] | undefined;
    for (const unitAndKind of COUNT_UNITS) {
      if (s.startsWith(unitAndKind[0], r)) {
        written = unitAndKind;
        break;
      }
    }
    if (written) {
      unit = written[1];
      r += written[0].length;
    } else {
      const bracketed = bracketedUnit(s, r, { 人: 1, 台: 1, 名: 1 });
      if (bracketed) r = bracketed.end;
    }
    const endsHere = unit !== 'none' || approx || r > runEnd || r >= s.length || ITEM_END.has(s[r]!);
    const lead = s.slice(p, start).trim();
    const n = endsHere ? numberIn(s, q, runEnd, approx || lead.endsWith('近') || lead.endsWith('上'))?.value : undefined;
    if (n === undefined) {
      q = runEnd;
      continue;
    }
    r = skipWords(s, r, ['左右']);
    const name = s.slice(start, negative ? q - 1 : q).trim();
    return { value: negative ? -n : n, unit, named: name !== '' && name !== '-', end: r };
  }
  return null;
}

const NONE = ['暂无', '没有', '无'];

/**
 * A head or machine count at the start of a value: 64人, 八十人, 100余人, 近百人, 7台左右, 无 → 0.
 * Named parts counted in the same unit add up (管理人员12人，作业人员86人 → 98; 挖机3台、塔吊2台 → 5)
 * unless a total is stated (64人（其中管理人员8人） → 64). May be negative or fractional: the caller
 * refuses those by name.
 */
export function readCount(text: string): Figure | null {
  const s = toHalfWidth(text);
  const p = skipSpaces(s, 0);
  for (const none of NONE) {
    const after = p + none.length;
    if (s.startsWith(none, p) && (after >= s.length || ITEM_END.has(s[after]!) || isSpace(s.charCodeAt(after)))) return { value: 0, end: after };
  }
  const first = countItem(s, p);
  if (!first) return null;
  let value = first.value;
  let end = first.end;
  while (first.named && first.unit !== 'none') {
    let q = end;
    while (q < s.length && PART_SEPARATORS.has(s[q]!)) q++;
    if (NOT_A_PART.some((w) => s.startsWith(w, q))) break;
    const total = TOTAL_LEADS.some((w) => s.startsWith(w, q));
    const next = countItem(s, q);
    if (!next || next.unit !== first.unit) break;
    if (total) {
      value = next.value; // 管理人员12人，作业人员86人，共98人: a stated total wins
      end = next.end;
      break;
    }
    if (!next.named) break;
    value += next.value;
    end = next.end;
  }
  return { value: clean(value), end };
}
