import { parseDateText } from './dates';
import { isCorrectionLine, isProjectName, readHeader, reportTitle, skipCorrectionMark } from './header';
import { LABEL_PREFIXES, LABELS, OTHER_LABELS, SLOTS, type Slot } from './labels';
import * as text from './text';

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

/** The part of a message about one project: all of it, unless it reports on several. */
export interface Section {
  entries: Entry[];
  /** A project's name on a line of its own before the fields: 一、城东中学扩建工程, 【数据中心项目】. */
  heading: string | null;
  /** A line holding nothing but a date, e.g. 2026年11月20日. */
  dateLine: string | null;
  /** Whether a field of the report's content has a value yet. */
  hasContent: boolean;
  /** Whether a heading or a 项目名称 has named the section's project. */
  named: boolean;
}

export interface Scan {
  tagged: boolean;
  /** The tag was a plain 日报 (no # or brackets), as an office notice may also begin. */
  bareTag: boolean;
  /** Marked 更正: it corrects the day's report. */
  correction: boolean;
  /** The project named after the tag, e.g. 【日报】汽车零部件智能制造项目 11月23日. */
  header: string | null;
  /** A date after the tag, e.g. 【日报】XX项目 11月23日. */
  headerDate: string | null;
  /** One per project: a section starts at a table row, and when reading several projects at a heading or a second 项目名称. */
  sections: Section[];
  /** Fields followed a heading or a second 项目名称 after fields: the message may report on several projects. */
  severalHinted: boolean;
  /** More sections began than MAX_PROJECTS: reading stopped there. */
  tooMany: boolean;
}

/** More projects than a 镇街 liaison reports on in one message: such a message (a registry pasted) is refused. */
export const MAX_PROJECTS = 50;
/** More cells than any report table has: a row this wide is no table. */
const MAX_COLUMNS = 40;

/** A trie node over UTF-16 code units; `slot` is set where a label ends. */
interface Node {
  next: Map<number, Node>;
  slot: Slot | 'meta' | null;
}

const ROOT: Node = { next: new Map(), slot: null };

function addLabel(word: string, slot: Slot | 'meta'): void {
  let node = ROOT;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map(), slot: null };
      node.next.set(c, child);
    }
    node = child;
  }
  node.slot = slot;
}

for (const slot of SLOTS) for (const label of LABELS[slot]) addLabel(label, slot);
for (const word of OTHER_LABELS) addLabel(word, 'meta');

interface LabelWord {
  slot: Slot | 'meta';
  end: number;
}

/** The longest label starting at `at` (施工人数 before 人数), in time bounded by the longest label. */
function labelWordAt(s: string, at: number): LabelWord | null {
  let node = ROOT;
  let slot: Slot | 'meta' | null = null;
  let end = at;
  for (let i = at; i < s.length; i++) {
    const child = node.next.get(s.charCodeAt(i));
    if (!child) break;
    node = child;
    if (node.slot !== null) {
      slot = node.slot;
      end = i + 1;
    }
  }
  return slot === null ? null : { slot, end };
}

const PREFIX_STARTS = new Set(LABEL_PREFIXES.map((p) => p.charCodeAt(0)));

/** A label at `at`, or a prefix and a label, whichever runs longer (今日完成 is a label itself). */
function labelOrPrefixedAt(s: string, at: number): LabelWord | null {
  const plain = labelWordAt(s, at);
  if (!PREFIX_STARTS.has(s.charCodeAt(at))) return plain;
  for (const prefix of LABEL_PREFIXES) {
    if (!s.startsWith(prefix, at)) continue;
    const after = labelWordAt(s, at + prefix.length);
    if (after && after.slot !== 'meta' && (!plain || after.end > plain.end)) return after;
  }
  return plain;
}

type SlotSet = Readonly<Partial<Record<Slot, true>>>;
// Bound once here: under tsx every use of an imported function reads it through a getter, which the
// per-character loops below would otherwise pay each time (6% of scanning).
const { isSpace, skipSpaces, trimEdges } = text;

/** Fields whose value may run on over following unlabelled lines. */
const CONTINUED: SlotSet = { progress: true, todayWork: true, problems: true, nextPlan: true };
/** Free text, which a label without a colon cuts only after a space: 混凝土浇筑，进度款已申请 stays whole. */
const FREE_TEXT: SlotSet = { todayWork: true, problems: true, nextPlan: true };
/** Fields a label without a colon may open only when a quantity follows: 形象进度30%, 施工人数 45人. */
const QUANTITY_SLOTS: SlotSet = { date: true, progress: true, workers: true, machines: true, investmentCumulative: true, investmentMonth: true };
/** Fields that tell what happened on site, after which a name-like line is no heading. */
const CONTENT_SLOTS: SlotSet = { progress: true, todayWork: true, workers: true, machines: true, investmentCumulative: true, investmentMonth: true };
const WRAPPED_NAME = /^[【[［]([^【】[\]［］]+)[】\]］]$/;
const COLON_END = /[:：]\s*$/;
/** A line under 形象进度 that is rather a field of its own: numbered (二、…), or a short phrase and a colon. */
const FIELD_LIKE = /^(?:\S{1,8}[:：])/;
const MONEY_SLOTS: SlotSet = { investmentCumulative: true, investmentMonth: true };
/** A text label without a colon this long may be followed by its value directly: 存在问题无. */
const SELF_EVIDENT_LABEL = 4;

const DIGIT = '[0-9０-９]';
const NUMBERING = String.raw`(?:${DIGIT}{1,2}\s*(?:[、)）]|[.．](?!${DIGIT}))|\d\uFE0F?\u20E3|[(（]\s*${DIGIT}{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[\u2460-\u2473])`;
const NUMBERING_AT = new RegExp(`${NUMBERING}\\s*`, 'y');
const DECORATION = /[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\u20E3•·●○■□◆◇▪▫▶►➤➢→*>~-]*/uy;
// A bare 日报 must stand alone, so chatter such as 日报已发 is not taken for a report.
const TAG_AT = /(?:[#＃]\s*日报[#＃]?|【日报】|[[［]日报[\]］]|日报(?=$|[\s:：，,]))[\s:：;；,，]*/y;
const MAX_DATE_LINE = 24;
const MONEY_UNITS: ReadonlySet<string> = new Set(['万元', '亿元', '元']);
/** Words joining a label to its figure: 形象进度为48%, 累计完成投资达3100万元. */
const LINKS = ['达到', '为', '是', '达'];
const UNIT_MAX = 12;

const isColon = (c: number): boolean => c === 0x3a || c === 0xff1a;
/** ;；,， after a label at the start of a line, where any separator may follow it. */
const isLooseSeparator = (c: number): boolean => c === 0x3b || c === 0xff1b || c === 0x2c || c === 0xff0c;
const isSeparator = (c: number): boolean => isLooseSeparator(c) || c === 0x3002 || c === 0x3001 || isColon(c);
const isOpenBracket = (c: number): boolean => c === 0x28 || c === 0xff08;
const isCloseBracket = (c: number): boolean => c === 0x29 || c === 0xff09;
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isLabelClose = (c: number): boolean => c === 0x3011 || c === 0x5d || c === 0xff3d;

// Character classes by code unit, a bit each: looked up for nearly every character, so a table.
const CLASS = new Uint8Array(0x10000);
/** A label or its prefix may start here. */
const LABEL_START = 1;
/** Numbering (1、 ① （一） 1️⃣) may start here. */
const NUMBERING_START = 2;
/** Part of a written number: 1.42亿 and 两千三百万 (a grouping comma ends the check, which is enough). */
const NUMERAL = 4;
/** May follow a count: a unit, 余/多/来 (100余人), 左右. */
const COUNT_AFTER = 8;
/** May follow an amount: 元, 万, 亿, 余, 多, 左右. */
const MONEY_AFTER = 16;
/** A figure may end on it, and a label follow without a space: 72%施工人数118人. */
const FIGURE_END = 32;
/** Whitespace, an emoji or a bullet may start here, which a line's content comes after. */
const DECORATION_START = 64;
/** 【 [ ［: a label in them needs no separator after it. */
const LABEL_OPEN = 128;

function mark(bit: number, chars: string): void {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)]! |= bit;
}
function markRange(bit: number, from: number, to: number): void {
  for (let c = from; c <= to; c++) CLASS[c]! |= bit;
}
for (const c of [...ROOT.next.keys(), ...PREFIX_STARTS]) CLASS[c]! |= LABEL_START;
mark(NUMBERING_START, '0123456789０１２３４５６７８９(（一二三四五六七八九十');
markRange(NUMBERING_START, 0x2460, 0x2473);
mark(NUMERAL, '0123456789０１２３４５６７８９.．零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟萬億个');
mark(COUNT_AFTER, '人名位个台辆部套架余多来左');
mark(MONEY_AFTER, '元万亿萬億余多左');
mark(FIGURE_END, '0123456789０１２３４５６７８９%％人名台辆元');
mark(DECORATION_START, ' \t\v\f\u00a0\u1680\u3000\ufeff\u00a9\u00ae\u3030\u303d\u3297\u3299\ufe0f•·●○■□◆◇▪▫▶►➤➢→*>~-');
markRange(DECORATION_START, 0x2000, 0x2bff); // spaces, arrows, symbols and most emoji of the BMP
markRange(DECORATION_START, 0xd800, 0xdfff); // emoji beyond the BMP
mark(LABEL_OPEN, '【[［');

const isLabelOpen = (c: number): boolean => (CLASS[c]! & LABEL_OPEN) !== 0;
const mayStartNumbering = (c: number): boolean => (CLASS[c]! & NUMBERING_START) !== 0;

function skip(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex : at;
}

/**
 * Whether a figure fit for the slot starts at `at`: digits or Chinese numerals ending where a
 * figure ends (a unit, a percent sign, a space, punctuation), so 设备2号机组 or 进度一般 is no figure.
 */
/** Words before a part's figure: 管理人员, 挖机. */
const PART_WORD = 6;

/** A count given in parts, each a short word and a figure: 施工人数 管理人员12人，作业人员86人. */
function partsAt(s: string, at: number, slot: Slot): boolean {
  if (slot !== 'workers' && slot !== 'machines') return false;
  for (let q = at, n = 0; n < PART_WORD && q < s.length; q++, n++) {
    const c = s.charCodeAt(q);
    if (c < 0x4e00 || c > 0x9fff) return false;
    if (n > 0 && figureAt(s, q + 1, slot)) return true;
  }
  return false;
}

function figureAt(s: string, at: number, slot: Slot): boolean {
  let p = skipLink(s, skipSpaces(s, at));
  for (const lead of ['约', '近', '共计', '共', '合计', '总计']) {
    if (s.startsWith(lead, p)) {
      p += lead.length;
      break;
    }
  }
  const c = s.charCodeAt(p);
  if (slot === 'date') return isDigit(c) || s.startsWith('今', p) || s.startsWith('昨', p) || s.startsWith('前', p);
  if (slot === 'progress' && s.startsWith('百分之', p)) return true;
  if (c === 0x65e0 /* 无 */) return (slot === 'workers' || slot === 'machines') && endsFigure(s, p + 1);
  if (c === 0x2d || c === 0xff0d) p++; // a negative figure is still the field's, to be refused by name
  const start = p;
  while (p < s.length && CLASS[s.charCodeAt(p)]! & NUMERAL) p++;
  if (p === start) return false;
  const runEnd = p;
  p = skipSpaces(s, p);
  const next = s.charCodeAt(p);
  if (next === 0x25 || next === 0xff05) return slot === 'progress';
  if (MONEY_SLOTS[slot] && CLASS[next]! & MONEY_AFTER) return true;
  if ((slot === 'workers' || slot === 'machines') && CLASS[next]! & COUNT_AFTER) return true;
  return p > runEnd || endsFigure(s, p); // a space ends a figure too: 人员56 累计投资…
}

/** The end of the line, punctuation or a bracket: nothing more belongs to the figure. */
function endsFigure(s: string, p: number): boolean {
  if (p >= s.length) return true;
  const c = s.charCodeAt(p);
  return isSpace(c) || isSeparator(c) || isOpenBracket(c) || isLabelOpen(c);
}

/** What stands before a place a label is tried: it decides which kinds of label are taken there. */
const enum Before {
  /** The start of a line or of the text after the tag. */
  LineStart,
  /** Right after a label's separator: 投资完成情况：本月完成1200万元. */
  ValueStart,
  Space,
  /** ；;，,。、 or a closing bracket. */
  Separator,
  /** The end of a figure: 72%施工人数. */
  Figure,
  Other,
}

interface Label {
  slot: Slot | 'meta';
  unit: string | undefined;
  /** Where its value begins, after the separator. */
  valueStart: number;
}

/** A bracketed remark after a label, `（ 万元 ）`: its text and where the bracket closes, or null. */
function unitAt(s: string, at: number): { unit: string; end: number } | null {
  if (!isOpenBracket(s.charCodeAt(at))) return null;
  const limit = Math.min(s.length, at + UNIT_MAX);
  for (let i = at + 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (isCloseBracket(c)) return { unit: s.slice(at + 1, i).trim(), end: i + 1 };
    if (isOpenBracket(c) || isColon(c)) return null;
  }
  return null;
}

/**
 * A label at `at` and where its value starts. A colon may follow any label; at the start of a line
 * ;；,， may too. Without a separator a label is taken only before a figure fit for it (形象进度30%),
 * or, for a text field, before a space (存在问题 无); inside free text only after a space, so
 * 浇筑完成，设备进场 is not cut at 设备. On the tag's line a label with a colon or a figure is taken
 * anywhere, as voice input runs words together: 城东中学扩建工程今天形象进度72%施工人数八十五人.
 */
function labelAt(s: string, at: number, before: Before, current: Slot | null, onTagLine = false, inHeader = false): Label | null {
  const c = s.charCodeAt(at);
  if (isLabelOpen(c)) return bracketLabelAt(s, at);
  if (!(CLASS[c]! & LABEL_START)) return null;
  const word = labelOrPrefixedAt(s, at);
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
  const sep = s.charCodeAt(p);
  const lineStart = before === Before.LineStart;
  const bounded = before !== Before.Other || onTagLine;
  if (isColon(sep) || (lineStart && word.slot !== 'meta' && isLooseSeparator(sep))) {
    return bounded ? { slot: word.slot, unit, valueStart: p + 1 } : null;
  }
  // A label alone on its line: the value is on the lines below (一、形象进度).
  if (lineStart && p >= s.length) return { slot: word.slot, unit, valueStart: p };
  // 存在问题及建议：, 形象进度情况：: a few more words before the colon still name the field.
  if (bounded && word.slot !== 'meta' && word.end - at >= SELF_EVIDENT_LABEL) {
    const extended = extendedLabelEnd(s, word.end);
    if (extended) return { slot: word.slot, unit: extended.unit, valueStart: extended.end };
  }
  const slot = word.slot;
  if (slot === 'meta' || !bounded || p >= s.length || isSeparator(sep)) return null;
  if (!lineStart && !inHeader && slot === current) return null; // 管理人员12人，作业人员86人: parts of one figure
  if (QUANTITY_SLOTS[slot]) {
    const inFreeText = current !== null && FREE_TEXT[current] === true;
    if (inFreeText && !lineStart && before !== Before.Space) return null;
    return figureAt(s, p, slot) || (lineStart && partsAt(s, p, slot)) ? { slot, unit, valueStart: skipLink(s, p) } : null;
  }
  const spaced = p > word.end;
  const long = word.end - at >= SELF_EVIDENT_LABEL;
  const ok = lineStart ? spaced || long : before === Before.Space && spaced && (long || inHeader);
  return ok ? { slot, unit, valueStart: p } : null;
}

/** Words a long label may run on with before its colon. */
const MAX_LABEL_EXTENSION = 4;

/** Where the value starts after a label run on by a few words (情况, 及建议, 统计) and a colon, or null. */
function extendedLabelEnd(s: string, from: number): { unit: string | undefined; end: number } | null {
  let p = from;
  while (p < s.length && p - from < MAX_LABEL_EXTENSION && isWord(s.charCodeAt(p))) p++;
  if (p === from) return null;
  p = skipSpaces(s, p);
  const u = unitAt(s, p);
  if (u) p = skipSpaces(s, u.end);
  return isColon(s.charCodeAt(p)) ? { unit: u?.unit, end: p + 1 } : null;
}

/** A Chinese character that is no numeral: part of a label's wording rather than of a value. */
function isWord(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff && !(CLASS[c]! & NUMERAL);
}

function skipLink(s: string, p: number): number {
  for (const link of LINKS) if (s.startsWith(link, p)) return p + link.length;
  return p;
}

/** 【形象进度】48%, [施工人数]：45人: a label in brackets, taken wherever it stands. */
function bracketLabelAt(s: string, at: number): Label | null {
  const word = labelOrPrefixedAt(s, at + 1);
  if (!word) return null;
  let p = skipSpaces(s, word.end);
  let unit: string | undefined;
  const inside = unitAt(s, p);
  if (inside) {
    unit = inside.unit;
    p = skipSpaces(s, inside.end);
  }
  if (!isLabelClose(s.charCodeAt(p))) return null;
  p = skipSpaces(s, p + 1);
  const after = unitAt(s, p);
  if (after) {
    unit = after.unit;
    p = skipSpaces(s, after.end);
  }
  if (isColon(s.charCodeAt(p)) || isLooseSeparator(s.charCodeAt(p))) p++;
  return { slot: word.slot, unit, valueStart: p };
}

function beforeAt(s: string, i: number): Before {
  const c = s.charCodeAt(i - 1);
  if (isSpace(c)) return Before.Space;
  if (isSeparator(c) || isCloseBracket(c) || isLabelClose(c)) return Before.Separator;
  return CLASS[c]! & FIGURE_END ? Before.Figure : Before.Other;
}

const newSection = (): Section => ({ entries: [], heading: null, dateLine: null, hasContent: false, named: false });

/** A table's header row pasted from Excel or WPS: the field and label unit of each column. */
type Columns = ({ slot: Slot; unit: string | undefined } | null)[];

/** The fields a tab-separated row names, when most of its cells are labels: 项目名称\t形象进度\t施工人数（人）. */
function tableHeader(line: string): Columns | null {
  let tabs = 0;
  for (let i = line.indexOf('\t'); i >= 0 && tabs < MAX_COLUMNS; i = line.indexOf('\t', i + 1)) tabs++;
  if (tabs >= MAX_COLUMNS) return null;
  const columns: Columns = [];
  let labels = 0;
  let filled = 0;
  for (const raw of line.split('\t')) {
    const cell = raw.trim();
    if (cell) filled++;
    const word = cell ? labelOrPrefixedAt(cell, 0) : null;
    let end = word?.end ?? 0;
    const unit = word ? unitAt(cell, skipSpaces(cell, end)) : null;
    if (unit) end = skipSpaces(cell, unit.end);
    if (word && word.slot !== 'meta' && end === cell.length) {
      columns.push({ slot: word.slot, unit: unit?.unit });
      labels++;
    } else columns.push(null);
  }
  return labels >= 2 && labels * 2 > filled ? columns : null;
}

class Scanner {
  readonly result: Scan = {
    tagged: false,
    bareTag: false,
    correction: false,
    header: null,
    headerDate: null,
    sections: [newSection()],
    severalHinted: false,
    tooMany: false,
  };
  private section: Section = this.result.sections[0]!;
  private current: Entry | null = null;
  private seenContent = false;
  private columns: Columns | null = null;
  /** A heading came after fields: if fields follow it too, the message may report on several projects. */
  private headingAfterFields = false;
  /** Whether the line being read began with numbering. */
  private lineNumbered = false;
  /** The section's entry of each free-text field, which the field's later labels add to. */
  private freeText: Partial<Record<Slot, Entry>> = {};

  /** With `several`, a heading or a second 项目名称 after fields starts a new project's section. */
  constructor(
    text: string,
    private readonly several: boolean,
  ) {
    const n = text.length;
    // Past MAX_PROJECTS the message is refused whatever follows, so reading stops.
    for (let a = 0; a <= n && !this.result.tooMany; ) {
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
    const contentStart = CLASS[line.charCodeAt(0)]! & DECORATION_START ? skip(DECORATION, line, 0) : 0;
    if (contentStart === line.length) return; // blank lines keep the field above open
    if (this.tableLine(line)) return;

    let p = mayStartNumbering(line.charCodeAt(contentStart)) ? skip(NUMBERING_AT, line, contentStart) : contentStart;
    const numbered = p > contentStart;
    this.lineNumbered = numbered;
    if (numbered) p = skip(DECORATION, line, p);

    if (!this.section.hasContent && line.includes('正') && isCorrectionLine(line.slice(p))) {
      this.result.correction = true; // 更正： on a line of its own, above the tag or below it
      return;
    }
    const first = !this.seenContent;
    this.seenContent = true;

    let label = labelAt(line, p, Before.LineStart, this.current?.slot ?? null);
    if (first && !label) {
      const afterMark = skipCorrectionMark(line, p);
      if (afterMark > p) this.result.correction = true;
      const afterTag = skip(TAG_AT, line, afterMark);
      if (afterTag > afterMark) {
        this.result.tagged = true;
        this.result.bareTag = line.startsWith('日报', afterMark);
        this.rest(line, afterTag, true);
        return;
      }
      const title = reportTitle(line, afterMark);
      if (title !== null) {
        // 城东中学扩建工程日报 tags the report as 日报 does, and is as easily typed in a notice.
        this.result.tagged = true;
        this.result.bareTag = true;
        this.rest(title, 0, true);
        return;
      }
      label = labelAt(line, afterMark, Before.LineStart, null);
    }

    if (label && label.slot !== 'meta') {
      this.open(label.slot, label.unit);
      this.rest(line, label.valueStart, false);
      return;
    }
    if (!numbered) {
      if (line.length - p <= MAX_DATE_LINE && parseDateText(line.slice(p)) !== null) {
        this.section.dateLine ??= trimEdges(line.slice(p));
        this.current = null;
        return;
      }
      if (label) {
        this.current = null; // a sign-off line such as 填报人：
        return;
      }
    }
    // A continuation line keeps its own numbering; a name-like line may head a project's fields.
    const awaited = this.current !== null && this.current.lines.length === 0 && CONTINUED[this.current.slot] === true;
    this.rest(line, contentStart, false, awaited ? undefined : p);
  }

  /** A row of a table pasted from Excel or WPS: a header row, or a project's data under one. */
  private tableLine(line: string): boolean {
    if (!line.includes('\t')) {
      this.columns = null;
      return false;
    }
    // Under a header only a row whose first cell is a label can be another header.
    const start = skipSpaces(line, 0);
    const header = !this.columns || labelOrPrefixedAt(line, start) ? tableHeader(line) : null;
    if (header) {
      this.columns = header;
      this.seenContent = true;
      return true;
    }
    const columns = this.columns;
    if (!columns) return false;
    this.result.tagged = true; // a row under a header of field labels is a report, as the tag makes one
    this.startSection(null);
    line.split('\t', columns.length).forEach((raw, i) => {
      const column = columns[i];
      const cell = raw.trim();
      if (!column || !cell) return;
      this.open(column.slot, column.unit);
      this.emit(cell, false);
    });
    this.current = null;
    return true;
  }

  /**
   * The line from `from` on: values, cut where a label begins. With `nameFrom`, the text from there
   * to the first label is tried as a heading: 一、城东中学扩建工程, 城东中学扩建工程：形象进度52%.
   */
  private rest(line: string, from: number, onTagLine: boolean, nameFrom?: number): void {
    let segStart = from;
    for (let i = from; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (!(CLASS[c]! & (LABEL_START | LABEL_OPEN | NUMBERING_START))) continue;
      const inHeader = onTagLine && this.current === null;
      const before = i === segStart ? (inHeader ? Before.LineStart : Before.ValueStart) : beforeAt(line, i);
      // Mid-word only a bracketed label can start (off the tag's line): most characters stop here.
      if (before === Before.Other && !onTagLine && !isLabelOpen(c)) continue;
      // Numbering inside a line (；2、施工人数：) belongs to the label after it.
      const at = before !== Before.Other && before !== Before.Figure && mayStartNumbering(c) ? skip(NUMBERING_AT, line, i) : i;
      const label = labelAt(line, at, before, this.current?.slot ?? null, onTagLine, inHeader);
      if (!label) continue;
      if (label.slot === 'meta') {
        this.emit(trimEdges(line.slice(segStart, i)), onTagLine);
        this.current = null;
        return;
      }
      if (segStart !== from || nameFrom === undefined || !this.heading(line.slice(nameFrom, i), true)) {
        this.emit(trimEdges(line.slice(segStart, i)), onTagLine);
      }
      this.open(label.slot, label.unit);
      segStart = label.valueStart;
      i = segStart - 1;
    }
    if (segStart !== from || nameFrom === undefined || !this.heading(line.slice(nameFrom), false)) {
      this.emit(trimEdges(line.slice(segStart)), onTagLine);
    }
  }

  /**
   * Takes a project's name on a line of its own (or before the line's fields) as a heading. After a
   * project's fields it starts the next project's section, when reading several; otherwise it is text.
   * `beforeFields`: the line's fields follow the text, so a name ended by a colon needs no usual ending.
   */
  private heading(text: string, beforeFields: boolean): boolean {
    const trimmed = trimEdges(text);
    const bracketed = WRAPPED_NAME.exec(trimmed);
    const name = bracketed ? bracketed[1]!.trim() : trimmed;
    const colonBeforeFields = beforeFields && COLON_END.test(text);
    if (!isProjectName(name, bracketed !== null || colonBeforeFields)) return false;
    if (this.namesAnother()) {
      if (!this.several) {
        this.headingAfterFields = true;
        return false;
      }
      this.startSection(name);
    } else this.section.heading = name;
    this.section.named = true;
    this.current = null;
    return true;
  }

  /**
   * Whether a project's name here begins another section: the current one has content or a name,
   * or it is the part before any project and holds what all share (日期：11月23日).
   */
  private namesAnother(): boolean {
    const section = this.section;
    if (section.hasContent || section.named) return true;
    return section === this.result.sections[0] && (section.dateLine !== null || section.entries.length > 0);
  }

  private startSection(heading: string | null): void {
    this.section = { ...newSection(), heading };
    this.freeText = {};
    if (this.result.sections.length <= MAX_PROJECTS) this.result.sections.push(this.section);
    else this.result.tooMany = true;
    this.current = null;
  }

  private open(slot: Slot, unit: string | undefined): void {
    // A label left empty is no field: dropping it keeps a run of bare labels from piling up.
    if (this.current && this.current.lines.length === 0) {
      this.section.entries.pop();
      if (this.freeText[this.current.slot] === this.current) this.freeText[this.current.slot] = undefined;
    }
    // A second 项目名称 after a project's fields begins the next project's.
    if (slot === 'project' && !this.columns && (this.section.hasContent || (this.several && this.namesAnother()))) {
      if (this.several) this.startSection(null);
      else this.result.severalHinted = true;
    } else if (this.headingAfterFields && CONTENT_SLOTS[slot]) this.result.severalHinted = true;
    // Free text given again (存在问题, then 需协调事项) runs on in the same entry, read as one.
    const earlier = this.freeText[slot];
    if (earlier) {
      this.current = earlier;
      return;
    }
    const entry: Entry = { slot, unit: unit !== undefined && MONEY_UNITS.has(unit) ? unit : undefined, lines: [] };
    this.section.entries.push(entry);
    if (FREE_TEXT[slot]) this.freeText[slot] = entry;
    if (slot === 'project') this.section.named = true;
    this.current = entry;
  }

  private emit(value: string, onTagLine: boolean): void {
    if (!value) return;
    const current = this.current;
    if (onTagLine && current === null) {
      const header = readHeader(value);
      if (header.correction) this.result.correction = true;
      if (header.date !== null) this.result.headerDate ??= header.date;
      if (header.project !== null) this.result.header ??= header.project;
      return;
    }
    if (!current) return;
    if (current.lines.length > 0 && !CONTINUED[current.slot]) {
      this.current = null; // a remark under a one-value field such as 施工人数 is not part of it
      return;
    }
    // The progress's description runs on below it (38%\n综合楼主体施工), but not into a line that
    // reads as a field of its own: 二、今日施工情况：沉桩12根, 人员：63人.
    if (current.slot === 'progress' && current.lines.length > 0 && (this.lineNumbered || FIELD_LIKE.test(value))) {
      this.current = null;
      return;
    }
    current.lines.push(value);
    if (CONTENT_SLOTS[current.slot]) this.section.hasContent = true;
  }
}

/** Splits a message into sections of labelled entries; with `several`, one section per project named. */
export function scan(text: string, several = false): Scan {
  return new Scanner(text, several).result;
}
