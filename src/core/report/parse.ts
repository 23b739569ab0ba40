import { z } from 'zod';
import { shanghaiDate } from '../../time/clock';
import { findLastPercent, parseAmountWan, parseChineseNumber, parseCount, parsePercent, sumCounts, toHalfWidth } from './numbers';
import { FIELD_LABELS, type FieldError, type ParseResult, type Report, type ReportKey } from '../../domain/report';

/** What a label fills; `progress` carries both progressPercent and progressText. */
type Slot =
  | 'project'
  | 'date'
  | 'progress'
  | 'todayWork'
  | 'workers'
  | 'machines'
  | 'investmentCumulative'
  | 'investmentMonth'
  | 'problems'
  | 'nextPlan';

/** Also the order errors are listed in: the order of the office template. */
const SLOTS: readonly Slot[] = [
  'project',
  'date',
  'progress',
  'todayWork',
  'workers',
  'machines',
  'investmentCumulative',
  'investmentMonth',
  'problems',
  'nextPlan',
];

const LABELS: Readonly<Record<string, Slot>> = {
  项目名称: 'project',
  项目: 'project',
  日期: 'date',
  填报日期: 'date',
  形象进度: 'progress',
  工程进度: 'progress',
  进度: 'progress',
  今日进展: 'todayWork',
  当日进展: 'todayWork',
  当日完成: 'todayWork',
  今日完成: 'todayWork',
  工作进展: 'todayWork',
  今日工作: 'todayWork',
  施工人数: 'workers',
  在岗人数: 'workers',
  作业人数: 'workers',
  人数: 'workers',
  机械设备: 'machines',
  机械: 'machines',
  设备: 'machines',
  累计完成投资: 'investmentCumulative',
  累计投资: 'investmentCumulative',
  本月完成投资: 'investmentMonth',
  本月投资: 'investmentMonth',
  存在问题: 'problems',
  困难问题: 'problems',
  需协调事项: 'problems',
  问题: 'problems',
  明日计划: 'nextPlan',
  明天计划: 'nextPlan',
  下步计划: 'nextPlan',
  下一步计划: 'nextPlan',
};

/** Fields whose value may run on over following unlabelled lines. */
const CONTINUED: ReadonlySet<Slot> = new Set(['progress', 'todayWork', 'problems', 'nextPlan']);
/** Fields that may be given twice (e.g. 存在问题 and 需协调事项) and are then merged. */
const MERGED: ReadonlySet<Slot> = new Set(['todayWork', 'problems', 'nextPlan']);

const EXAMPLES: Readonly<Record<Slot, string>> = {
  project: '精细化工中间体项目',
  date: '11月24日',
  progress: '38%',
  todayWork: '综合楼二层顶板浇筑',
  workers: '64人',
  machines: '7台',
  investmentCumulative: '1.42亿元 或 14200万元',
  investmentMonth: '900万元',
  problems: '无',
  nextPlan: '三层墙柱钢筋绑扎',
};

// Line patterns accept full- and half-width forms (：/:, （/(, １/1) so the message is read as
// typed, without a normalised copy.
const LABEL_ALTERNATION = Object.keys(LABELS)
  .sort((a, b) => b.length - a.length) // longest label wins: 施工人数 before 人数
  .join('|');
/** A unit in brackets after a label, as government forms write it: 累计完成投资（万元）： */
const LABEL_UNIT = String.raw`(?:[(（]\s*(万元|亿元|元|人|台|台套|[%％])\s*[)）])?`;
const DIGIT = '[0-9０-９]';
const NUMBERING = String.raw`(?:${DIGIT}{1,2}\s*(?:[、)）]|[.．](?!${DIGIT}))|\d\uFE0F?\u20E3|[(（]\s*${DIGIT}{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[\u2460-\u2473])`;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const DECORATION = /[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D\u20E3•·●○■□◆◇▪▫▶►➤➢→*>~-]*/uy;
const NUMBERING_AT = new RegExp(`${NUMBERING}\\s*`, 'y');
// A bare 日报 must stand alone, so chatter such as 日报已发 is not taken for a report.
const TAG_AT = /(?:[#＃]\s*日报[#＃]?|【日报】|[[［]日报[\]］]|日报(?=$|[\s:：]))[\s:：;；,，]*/y;
// At the start of a line any separator may follow the label; inside a line only a colon does,
// so a value such as 浇筑完成，设备进场 is not cut at 设备.
const LABEL_AT = new RegExp(`(${LABEL_ALTERNATION})\\s*${LABEL_UNIT}\\s*[:：;；,，]`, 'y');
const LABEL_INNER = new RegExp(`[\\s;；,，。](?:${NUMBERING}\\s*)?(${LABEL_ALTERNATION})\\s*${LABEL_UNIT}\\s*[:：]`, 'g');
/** Sign-off lines that end the field above them instead of running on into it. */
const META_AT = /(?:填报人|报送人|填报单位|报送单位|联系人|联系电话|电话|审核人|负责人|记录人|天气|气温)\s*[:：]/y;
const EDGE_PUNCTUATION = /[\s:：;；,，。、]/;
const MAX_DATE_LINE = 24;

interface Entry {
  slot: Slot;
  unit: string | undefined;
  lines: string[];
}

interface Scan {
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

function skip(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex : at;
}

/** Strips whitespace and separators at both ends; by hand, as a `[…]+$` regex is quadratic on long runs. */
function trimEdges(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && EDGE_PUNCTUATION.test(s[from]!)) from++;
  while (to > from && EDGE_PUNCTUATION.test(s[to - 1]!)) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** Splits a message into labelled entries. */
class Scanner {
  readonly result: Scan = { tagged: false, bareTag: false, entries: [], labelled: new Set(), header: null, dateLine: null };
  private current: Entry | null = null;

  constructor(text: string) {
    let seenContent = false;
    for (const line of text.split(LINE_BREAK)) {
      const contentStart = skip(DECORATION, line, 0);
      if (contentStart === line.length) continue; // blank lines keep the field above open
      this.line(line, contentStart, !seenContent);
      seenContent = true;
    }
  }

  private line(line: string, contentStart: number, first: boolean): void {
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
    LABEL_AT.lastIndex = p;
    const atStart = LABEL_AT.exec(line);
    if (atStart) {
      this.open(atStart[1]!, atStart[2]);
      segStart = LABEL_AT.lastIndex;
    } else if (isHeader) {
      segStart = p;
    } else {
      if (!numbered) {
        if (line.length - p <= MAX_DATE_LINE && parseDateText(line.slice(p)) !== null) {
          this.result.dateLine ??= trimEdges(line.slice(p));
          this.current = null;
          return;
        }
        if (skip(META_AT, line, p) > p) {
          this.current = null;
          return;
        }
      }
      segStart = contentStart; // a continuation line keeps its own numbering
    }

    LABEL_INNER.lastIndex = segStart;
    for (let m = LABEL_INNER.exec(line); m !== null; m = LABEL_INNER.exec(line)) {
      this.emit(trimEdges(line.slice(segStart, m.index)), isHeader);
      this.open(m[1]!, m[2]);
      segStart = LABEL_INNER.lastIndex;
    }
    this.emit(trimEdges(line.slice(segStart)), isHeader);
  }

  private open(label: string, unit: string | undefined): void {
    const entry: Entry = { slot: LABELS[label]!, unit, lines: [] };
    this.result.entries.push(entry);
    this.result.labelled.add(entry.slot);
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

// ---- dates ----

type DateSpec = { daysBack: number } | { y: number | null; m: number; d: number };

const DATE_SUFFIX = /(?:\(?(?:星期|周|礼拜)[一二三四五六日天]\)?)?(?:日报)?$/;
const SPACES = /\s+/g;
const DATE_CHINESE = /^(?:([\d〇零一二三四五六七八九]{2,4})年)?([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})[日号]?$/;
const DATE_NUMERIC = /^(?:(\d{4})[-/.])?(\d{1,2})[-/.](\d{1,2})$/;
const DATE_HINT = /[0-9０-９月今昨前当]/;
const RELATIVE_DAYS: Readonly<Record<string, number>> = { 今天: 0, 今日: 0, 当天: 0, 昨天: 1, 昨日: 1, 前天: 2 };

function parseDateText(text: string): DateSpec | null {
  if (!DATE_HINT.test(text)) return null; // most lines tried as a date line are not one
  const s = toHalfWidth(text).replace(SPACES, '').replace(DATE_SUFFIX, '');
  const back = RELATIVE_DAYS[s];
  if (back !== undefined) return { daysBack: back };
  const m = DATE_CHINESE.exec(s) ?? DATE_NUMERIC.exec(s);
  if (!m) return null;
  const y = m[1] === undefined ? null : parseChineseNumber(m[1]);
  const month = parseChineseNumber(m[2]!);
  const day = parseChineseNumber(m[3]!);
  if (month === null || day === null || (m[1] !== undefined && y === null)) return null;
  return { y: y !== null && y < 100 ? 2000 + y : y, m: month, d: day };
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

function resolveDate(spec: DateSpec, today: string): { date: string } | { problem: string } {
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

const HOUR_MS = 3_600_000;

// Shanghai's offset is whole hours, so its date can only change at the top of a UTC hour;
// remembering the last hour's answer keeps dayjs out of nearly every call.
let cachedHour = NaN;
let cachedToday = '';

function shanghaiToday(postedAt: Date): string {
  const hour = Math.floor(postedAt.getTime() / HOUR_MS);
  if (hour !== cachedHour) {
    cachedToday = shanghaiDate(postedAt);
    cachedHour = hour;
  }
  return cachedToday;
}

// ---- conversion and validation ----

const EMPTY_BRACKETS = /[(（【[]\s*[)）】\]]/g;
const WRAPPED = /^[(（【[]([^()（）【】[\]]*)[)）】\]]$/;

function cleanText(s: string): string | null {
  const trimmed = trimEdges(s.replace(EMPTY_BRACKETS, ''));
  const inner = WRAPPED.exec(trimmed);
  return (inner ? trimEdges(inner[1]!) : trimmed) || null;
}

interface Progress {
  percent: number | null;
  text: string | null;
}

function toProgress(typed: string): Progress {
  const norm = toHalfWidth(typed); // same length as typed, so the hit's offsets cut typed too
  // Several percentages tell a change (从30%提升到38%): the last is where it stands, and the
  // whole phrase stays as the description.
  const hit = findLastPercent(norm);
  if (hit) return { percent: hit.value, text: cleanText(hit.count > 1 ? typed : typed.slice(0, hit.start) + typed.slice(hit.end)) };
  const bare = parsePercent(norm);
  return bare !== null ? { percent: bare, text: null } : { percent: null, text: cleanText(typed) };
}

// Item starts inside a problems value (half-width): ;, (1), ①, and 1、/一、 where an item can begin.
const ITEM_BREAK =
  /[;\n]|\(\s*\d{1,2}\s*\)|[\u2460-\u2473]|(?<=^|[\s,。;])(?:\d{1,2}\s*(?:[、)]|\.(?!\d))|[一二三四五六七八九十]{1,2}\s*、)/g;
const NO_PROBLEM = /^(?:无|暂无|没有|无问题|暂无问题|没有问题|无明显问题|无需协调|无需协调事项|暂无需协调事项|\/|-|—+)$/;

/** Items cut where the half-width copy shows a break, taken from the text as typed. */
function toProblems(typed: string): string[] {
  const norm = toHalfWidth(typed);
  const items: string[] = [];
  let from = 0;
  ITEM_BREAK.lastIndex = 0;
  for (let m = ITEM_BREAK.exec(norm); m !== null; m = ITEM_BREAK.exec(norm)) {
    items.push(trimEdges(typed.slice(from, m.index)));
    from = ITEM_BREAK.lastIndex;
  }
  items.push(trimEdges(typed.slice(from)));
  return items.filter((item) => item !== '' && !NO_PROBLEM.test(toHalfWidth(item)));
}

function checked<T>(convert: (typed: string) => T | null, message: string) {
  return z.string().transform((typed, ctx) => {
    const value = convert(typed);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });
}

const toCount = (typed: string): number | null => parseCount(typed) ?? sumCounts(typed);

const PROGRESS_RANGE = '形象进度应为 0–100 之间的百分比';

const ReportInput = z.object({
  project: z.string().optional(),
  date: z.object({ typed: z.string().nullable(), today: z.string() }).transform(({ typed, today }, ctx) => {
    if (typed === null) return today;
    const spec = parseDateText(typed);
    const resolved = spec ? resolveDate(spec, today) : { problem: '无法识别日期' };
    if ('problem' in resolved) {
      ctx.addIssue({ code: 'custom', message: resolved.problem });
      return z.NEVER;
    }
    return resolved.date;
  }),
  progress: checked((typed) => {
    const p = toProgress(typed);
    const usable = p.percent === null ? p.text !== null : p.percent >= 0 && p.percent <= 100;
    return usable ? p : null;
  }, PROGRESS_RANGE).optional(),
  todayWork: z.string().optional(),
  workers: checked(toCount, '施工人数应为不小于 0 的整数').optional(),
  machines: checked(toCount, '机械设备应为不小于 0 的整数').optional(),
  investmentCumulative: checked(parseAmountWan, '累计完成投资应为金额（万元或亿元）').optional(),
  investmentMonth: checked(parseAmountWan, '本月完成投资应为金额（万元或亿元）').optional(),
  problems: z.string().transform(toProblems).optional(),
  nextPlan: z.string().optional(),
});

type RawFields = Partial<Record<Slot, string>>;

const MONEY_UNIT = /[元万萬亿億]/;

/** The label's bracketed unit applies to a value typed without one: 累计完成投资（亿元）：1.42. */
function withLabelUnit(entry: Entry, value: string): string {
  const money = entry.slot === 'investmentCumulative' || entry.slot === 'investmentMonth';
  const unit = entry.unit;
  return money && unit !== undefined && MONEY_UNIT.test(unit) && !MONEY_UNIT.test(value) ? value + unit : value;
}

function keyOf(slot: Slot): ReportKey {
  return slot === 'progress' ? 'progressPercent' : slot;
}

function slotOf(key: ReportKey): Slot {
  return key === 'progressPercent' || key === 'progressText' ? 'progress' : key;
}

function errorFor(slot: Slot, message: string, got: string): FieldError {
  const key = keyOf(slot);
  return { key, field: FIELD_LABELS[key], message, got, example: EXAMPLES[slot] };
}

function isSlot(k: unknown): k is Slot {
  return (SLOTS as readonly unknown[]).includes(k);
}

interface Collected {
  /** What goes into validation, with a label's unit applied. */
  raw: RawFields;
  /** What was typed, for error replies. */
  typed: RawFields;
  /** Fields with any value, valid or not. */
  present: Set<Slot>;
  conflicts: FieldError[];
}

function collect(s: Scan): Collected {
  const out: Collected = { raw: {}, typed: {}, present: new Set(), conflicts: [] };
  const clashes: Partial<Record<Slot, string[]>> = {};
  for (const e of s.entries) {
    if (e.lines.length === 0) continue;
    const slot = e.slot;
    const value = e.lines.length === 1 ? e.lines[0]! : e.lines.join('\n');
    const before = out.typed[slot];
    if (before === undefined) {
      out.present.add(slot);
      out.typed[slot] = value;
      out.raw[slot] = withLabelUnit(e, value);
    } else if (MERGED.has(slot)) {
      out.raw[slot] = out.typed[slot] = `${before}\n${value}`;
    } else if (value !== before) {
      const seen = (clashes[slot] ??= [before]);
      if (!seen.includes(value)) seen.push(value);
    }
  }
  for (const slot of SLOTS) {
    const seen = clashes[slot];
    if (!seen) continue;
    delete out.raw[slot];
    delete out.typed[slot];
    out.conflicts.push(errorFor(slot, `${FIELD_LABELS[keyOf(slot)]}填写了多个不同的值`, seen.join(' / ')));
  }
  // A labelled value wins over the tag line's header and a bare date line.
  if (!out.present.has('project') && s.header !== null) out.raw.project = out.typed.project = s.header;
  if (!out.present.has('date') && s.dateLine !== null) out.raw.date = out.typed.date = s.dateLine;
  return out;
}

const IGNORED: ParseResult = { kind: 'ignored' };
/** Without the tag or a separator after a label nothing can be a report: most chatter stops here. */
const MAYBE_REPORT = /日报|[:：;；,，]/;
const MIN_UNTAGGED_LABELS = 3;
const CONTENT: readonly Slot[] = ['progress', 'todayWork', 'workers', 'investmentCumulative'];

/**
 * Reads a WeChat message as a daily report. Chatter is `ignored`; a report with any unreadable
 * or out-of-range field is `invalid` with every problem listed; never throws.
 */
export function parseMessage(text: string, postedAt: Date): ParseResult {
  if (!MAYBE_REPORT.test(text)) return IGNORED;
  const s = new Scanner(text).result;
  if (!s.tagged && s.labelled.size < MIN_UNTAGGED_LABELS) return IGNORED;
  // 日报：请各项目今天18点前报送 is a notice about reports, not one.
  if (s.bareTag && s.labelled.size === 0) return IGNORED;

  const { raw, typed, present, conflicts } = collect(s);
  const parsed = ReportInput.safeParse({ ...raw, date: { typed: raw.date ?? null, today: shanghaiToday(postedAt) } });

  const errors = conflicts;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const slot = issue.path[0];
      if (isSlot(slot)) errors.push(errorFor(slot, issue.message, typed[slot] ?? ''));
    }
  }
  if (!CONTENT.some((slot) => present.has(slot))) errors.push(errorFor('progress', '未找到进度内容', ''));
  if (!parsed.success || errors.length > 0) {
    errors.sort((a, b) => SLOTS.indexOf(slotOf(a.key)) - SLOTS.indexOf(slotOf(b.key)));
    return { kind: 'invalid', errors };
  }

  const v = parsed.data;
  const report: Report = {
    project: v.project ?? null,
    date: v.date,
    progressPercent: v.progress?.percent ?? null,
    progressText: v.progress?.text ?? null,
    todayWork: v.todayWork ?? null,
    workers: v.workers ?? null,
    machines: v.machines ?? null,
    investmentCumulative: v.investmentCumulative ?? null,
    investmentMonth: v.investmentMonth ?? null,
    problems: v.problems ?? [],
    nextPlan: v.nextPlan ?? null,
  };
  return { kind: 'report', report };
}
