import { parseDateText } from './dates';
import { labelWordAt, mayStartLabel, type Slot } from './labels';

/**
 * Splits a message into labelled entries, by hand rather than by regular expressions over whole
 * lines: every character is looked at a bounded number of times, so time grows linearly with the
 * message whatever it holds (a label followed by 100 000 spaces once took seconds).
 */

export interface Entry {
  slot: Slot;
  /** A unit written in brackets after the label: 累计完成投资（万元）. */
  unit: string | undefined;
  lines: string[];
}

export interface Scan {
  tagged: boolean;
  /** The tag was a plain 日报 (no # or brackets), as an office notice may also begin. */
  bareTag: boolean;
  entries: Entry[];
  labelled: Set<Slot>;
  /** Text after the tag on its line when it is no field, e.g. 【日报】汽车零部件智能制造项目. */
  header: string | null;
  /** A line holding nothing but a date, e.g. 2026年11月20日. */
  dateLine: string | null;
}

/** Fields whose value may run on over following unlabelled lines. */
const CONTINUED: ReadonlySet<Slot> = new Set(['progress', 'todayWork', 'problems', 'nextPlan']);

const DIGIT = '[0-9０-９]';
const NUMBERING = String.raw`(?:${DIGIT}{1,2}\s*(?:[、)）]|[.．](?!${DIGIT}))|\d\uFE0F?\u20E3|[(（]\s*${DIGIT}{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[\u2460-\u2473])`;
const NUMBERING_AT = new RegExp(`${NUMBERING}\\s*`, 'y');
const DECORATION = /[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\u20E3•·●○■□◆◇▪▫▶►➤➢→*>~-]*/uy;
// A bare 日报 must stand alone, so chatter such as 日报已发 is not taken for a report.
const TAG_AT = /(?:[#＃]\s*日报[#＃]?|【日报】|[[［]日报[\]］]|日报(?=$|[\s:：]))[\s:：;；,，]*/y;
const MAX_DATE_LINE = 24;
const LABEL_UNITS: ReadonlySet<string> = new Set(['万元', '亿元', '元', '人', '台', '台套', '%', '％']);
const EDGE_PUNCTUATION = /[\s:：;；,，。、]/;

const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 11 || c === 12;
const isColon = (c: number): boolean => c === 0x3a || c === 0xff1a;
/** ;；,， after a label at the start of a line, where any separator may follow it. */
const isLooseSeparator = (c: number): boolean => c === 0x3b || c === 0xff1b || c === 0x2c || c === 0xff0c;
/** Where a label may begin inside a line: after a space, ;；,， or 。 */
const isInnerBoundary = (c: number): boolean => isSpace(c) || isLooseSeparator(c) || c === 0x3002;
const isOpenBracket = (c: number): boolean => c === 0x28 || c === 0xff08;
const isCloseBracket = (c: number): boolean => c === 0x29 || c === 0xff09;

/** Whether numbering (1、 ① （一） 1️⃣) can start here: most boundaries are followed by none. */
const mayStartNumbering = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || isOpenBracket(c) || (c >= 0x2460 && c <= 0x2473) || CHINESE_ORDINALS.has(c);
const CHINESE_ORDINALS: ReadonlySet<number> = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

function skip(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex : at;
}

function skipSpaces(s: string, at: number): number {
  while (at < s.length && isSpace(s.charCodeAt(at))) at++;
  return at;
}

const EMPTY_BRACKETS = /[(（【[]\s*[)）】\]]/g;
const WRAPPED = /^[(（【[]([^()（）【】[\]]*)[)）】\]]$/;

/** A value without empty brackets, edge punctuation or brackets around it all; null when nothing is left. */
export function cleanText(s: string): string | null {
  const trimmed = trimEdges(s.replace(EMPTY_BRACKETS, ''));
  const inner = WRAPPED.exec(trimmed);
  return (inner ? trimEdges(inner[1]!) : trimmed) || null;
}

/** Strips whitespace and separators at both ends; by hand, as a `[…]+$` regex is quadratic on long runs. */
export function trimEdges(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && EDGE_PUNCTUATION.test(s[from]!)) from++;
  while (to > from && EDGE_PUNCTUATION.test(s[to - 1]!)) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

interface Label {
  slot: Slot | 'meta';
  unit: string | undefined;
  /** Where its value begins, after the separator. */
  valueStart: number;
}

const UNIT_MAX = 8;

/** A bracketed unit after a label, `（ 万元 ）`: the unit and where the bracket closes, or null. */
function unitAt(s: string, at: number): { unit: string; end: number } | null {
  if (!isOpenBracket(s.charCodeAt(at))) return null;
  const limit = Math.min(s.length, at + UNIT_MAX);
  for (let i = at + 1; i < limit; i++) {
    if (isCloseBracket(s.charCodeAt(i))) {
      const unit = s.slice(at + 1, i).trim();
      return LABEL_UNITS.has(unit) ? { unit, end: i + 1 } : null;
    }
  }
  return null;
}

/**
 * A label at `at` followed by its separator. At the start of a line any of :：;；,， may follow it;
 * inside a line only a colon does, so a value such as 浇筑完成，设备进场 is not cut at 设备.
 */
function labelAt(s: string, at: number, lineStart: boolean): Label | null {
  if (at >= s.length || !mayStartLabel(s.charCodeAt(at))) return null;
  const word = labelWordAt(s, at, s.length);
  if (!word) return null;
  let p = skipSpaces(s, word.end);
  let unit: string | undefined;
  if (word.slot !== 'meta') {
    const u = unitAt(s, p);
    if (u) {
      unit = u.unit;
      p = skipSpaces(s, u.end);
    }
  }
  const c = s.charCodeAt(p);
  if (isColon(c) || (lineStart && word.slot !== 'meta' && isLooseSeparator(c))) return { slot: word.slot, unit, valueStart: p + 1 };
  return null;
}

class Scanner {
  readonly result: Scan = { tagged: false, bareTag: false, entries: [], labelled: new Set(), header: null, dateLine: null };
  private current: Entry | null = null;
  private seenContent = false;

  constructor(text: string) {
    const n = text.length;
    for (let a = 0; a <= n; ) {
      let b = a;
      for (; b < n; b++) {
        const c = text.charCodeAt(b);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
      }
      this.line(a === 0 && b === n ? text : text.slice(a, b));
      a = b + (text.charCodeAt(b) === 13 && text.charCodeAt(b + 1) === 10 ? 2 : 1);
    }
  }

  private line(line: string): void {
    const contentStart = skip(DECORATION, line, 0);
    if (contentStart === line.length) return; // blank lines keep the field above open
    const first = !this.seenContent;
    this.seenContent = true;

    let p = skip(NUMBERING_AT, line, contentStart);
    const numbered = p > contentStart;
    if (numbered) p = skip(DECORATION, line, p);

    let isHeader = false;
    if (first) {
      const afterTag = skip(TAG_AT, line, p);
      if (afterTag > p) {
        this.result.tagged = true;
        this.result.bareTag = line.startsWith('日报', p);
        isHeader = true;
        p = afterTag;
      }
    }

    let segStart: number;
    const label = labelAt(line, p, true);
    if (label && label.slot !== 'meta') {
      this.open(label.slot, label.unit);
      segStart = label.valueStart;
    } else if (isHeader) {
      segStart = p;
    } else {
      if (!numbered) {
        if (line.length - p <= MAX_DATE_LINE && parseDateText(line.slice(p)) !== null) {
          this.result.dateLine ??= trimEdges(line.slice(p));
          this.current = null;
          return;
        }
        if (label) {
          this.current = null; // a sign-off line such as 填报人：
          return;
        }
      }
      segStart = contentStart; // a continuation line keeps its own numbering
    }
    this.rest(line, segStart, isHeader);
  }

  /** The line from `from` on: values, cut where a label follows a boundary. */
  private rest(line: string, from: number, onTagLine: boolean): void {
    let segStart = from;
    for (let i = from; i < line.length; i++) {
      if (!isInnerBoundary(line.charCodeAt(i))) continue;
      const at = mayStartNumbering(line.charCodeAt(i + 1)) ? skip(NUMBERING_AT, line, i + 1) : i + 1;
      const label = labelAt(line, at, false);
      if (!label || label.slot === 'meta') continue;
      this.emit(trimEdges(line.slice(segStart, i)), onTagLine);
      this.open(label.slot, label.unit);
      segStart = label.valueStart;
      i = segStart - 1;
    }
    this.emit(trimEdges(line.slice(segStart)), onTagLine);
  }

  private open(slot: Slot, unit: string | undefined): void {
    const entry: Entry = { slot, unit, lines: [] };
    this.result.entries.push(entry);
    this.result.labelled.add(slot);
    this.current = entry;
  }

  private emit(value: string, onTagLine: boolean): void {
    if (!value) return;
    const current = this.current;
    if (onTagLine && current === null) {
      if (parseDateText(value) !== null) this.result.dateLine ??= value;
      else this.result.header ??= cleanText(value);
      return;
    }
    if (!current) return;
    if (current.lines.length > 0 && !CONTINUED.has(current.slot)) {
      this.current = null; // a remark under a one-value field such as 施工人数 is not part of it
      return;
    }
    current.lines.push(value);
  }
}

export function scan(text: string): Scan {
  return new Scanner(text).result;
}
