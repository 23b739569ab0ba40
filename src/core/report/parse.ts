import { shanghaiDate } from '../../time/clock';
import { findPercents, parsePercent, readAmount, readCount, toHalfWidth, type Figure } from './numbers';
import { FIELD_LABELS, type FieldError, type ParseResult, type ProjectResult, type Report, type ReportKey } from '../../domain/report';
import { readDate, resolveDate } from './dates';
import { SLOTS, type Slot } from './labels';
import { MAX_PROJECTS, scan, type Entry, type Scan, type Section } from './scan';
import { cleanText, trimEdges } from './text';

export { readFutureDate } from './dates';

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

/** A field's value, with the remark typed after its figure; or what is wrong with it. */
type Read<T> = { value: T; note: string | null } | { error: string };

const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

/** A remark as typed, without edge punctuation or brackets around it; null when it says nothing (an emoji). */
function noteOf(rest: string): string | null {
  if (rest === '') return null; // nearly always: the figure ends the value
  const text = cleanText(rest);
  return text !== null && SAYS_SOMETHING.test(text) ? text : null;
}

interface Progress {
  percent: number | null;
  text: string | null;
}

// Between two percentages, a change (从30%提升到38%): the last is where it stands.
const CHANGE = /提升|提高|增至|增加|上升|升至|到|至|→|->|变为|调整为/;
/** Words left beside a percentage that describe nothing: 约45%, 已达60%. */
const BARE_LEADS: ReadonlySet<string> = new Set(['约', '近', '为', '达', '达到', '已达', '完成', '已完成', '约为', '大约', '累计', '累计完成']);

function toProgress(typed: string): Progress {
  const hits = findPercents(typed);
  if (!hits) {
    const bare = parsePercent(typed);
    return bare !== null ? { percent: bare, text: null } : { percent: null, text: noteOf(typed) };
  }
  const { first, last } = hits;
  // A change keeps the whole phrase as the description; otherwise the first figure is the value
  // and the rest, 占年度计划90% included, describes it.
  if (hits.count > 1 && CHANGE.test(typed.slice(first.end, last.start))) return { percent: last.value, text: cleanText(typed) };
  const text = noteOf(typed.slice(0, first.start) + typed.slice(first.end));
  return { percent: first.value, text: text !== null && BARE_LEADS.has(text) ? null : text };
}

// Item starts inside a problems value (half-width): ;, (1), ①, and 1、/一、 where an item can begin.
const ITEM_BREAK =
  /[;\n]|\(\s*\d{1,2}\s*\)|[\u2460-\u2473]|(?<=^|[\s,。;])(?:\d{1,2}\s*(?:[、)]|\.(?!\d))|[一二三四五六七八九十]{1,2}\s*、)/g;
const NO_PROBLEM = /^(?:无|暂无|没有|无问题|暂无问题|没有问题|无明显问题|无需协调|无需协调事项|暂无需协调事项|\/|-|—+)$/;

/** Items cut where the half-width copy shows a break, taken from the text as typed. */
function toProblems(typed: string): string[] {
  if (NO_PROBLEM.test(typed)) return []; // 无, as most reports say
  const norm = toHalfWidth(typed);
  const items: string[] = [];
  const add = (from: number, to: number) => {
    const item = trimEdges(typed.slice(from, to));
    if (item !== '' && !NO_PROBLEM.test(trimEdges(norm.slice(from, to)))) items.push(item);
  };
  let from = 0;
  ITEM_BREAK.lastIndex = 0;
  for (let m = ITEM_BREAK.exec(norm); m !== null; m = ITEM_BREAK.exec(norm)) {
    add(from, m.index);
    from = ITEM_BREAK.lastIndex;
  }
  add(from, norm.length);
  return items;
}

/** A figure that must be a whole number, at least 0; its remark as a note. */
function toWhole(typed: string, figure: Figure | null, message: string): Read<number> {
  if (!figure || !Number.isSafeInteger(figure.value) || figure.value < 0) return { error: message };
  return { value: figure.value, note: noteOf(typed.slice(figure.end)) };
}

function toAmount(typed: string, unit: string | undefined, message: string): Read<number> {
  const figure = readAmount(typed, unit);
  if (!figure || !Number.isFinite(figure.value) || figure.value < 0) return { error: message };
  return { value: figure.value, note: noteOf(typed.slice(figure.end)) };
}

function toDate(typed: string, today: string): Read<string> {
  const read = readDate(typed);
  if (!read) return { error: '无法识别日期' };
  const resolved = resolveDate(read.spec, today);
  return 'problem' in resolved ? { error: resolved.problem } : { value: resolved.date, note: noteOf(typed.slice(read.end)) };
}

const PROGRESS_RANGE = '形象进度应为 0–100 之间的百分比';

type RawFields = Partial<Record<Slot, string>>;

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

interface Collected {
  /** What was typed, for reading and for error replies. */
  typed: RawFields;
  /** A unit written after a field's label: 累计完成投资（亿元）. */
  units: Partial<Record<Slot, string>>;
  /** Fields with any value, valid or not. */
  present: Set<Slot>;
  conflicts: FieldError[];
  correction: boolean;
}

/** What stands for a field no label gives: a heading or header for the project, a date line for the date. */
interface Fallbacks {
  project: string | null;
  date: string | null;
  correction: boolean;
}

/** Every field absent, each key set up front so these objects all share one shape. */
function noFields<T>(): Partial<Record<Slot, T>> {
  return {
    project: undefined,
    date: undefined,
    progress: undefined,
    todayWork: undefined,
    workers: undefined,
    machines: undefined,
    investmentCumulative: undefined,
    investmentMonth: undefined,
    problems: undefined,
    nextPlan: undefined,
  };
}

function collect(entries: readonly Entry[], fallback: Fallbacks): Collected {
  const out: Collected = { typed: noFields(), units: noFields(), present: new Set(), conflicts: [], correction: fallback.correction };
  let clashes: Partial<Record<Slot, Set<string>>> | null = null;
  for (const e of entries) {
    if (e.lines.length === 0) continue;
    const slot = e.slot;
    const value = e.lines.length === 1 ? e.lines[0]! : e.lines.join('\n');
    const before = out.typed[slot];
    if (before === undefined) {
      out.present.add(slot);
      out.typed[slot] = value;
      out.units[slot] = e.unit;
    } else if (MERGED.has(slot)) {
      out.typed[slot] = `${before}\n${value}`;
    } else if (value !== before) {
      clashes ??= {};
      (clashes[slot] ??= new Set([before])).add(value);
    }
  }
  if (clashes) {
    for (const slot of SLOTS) {
      const seen = clashes[slot];
      if (!seen) continue;
      out.typed[slot] = undefined;
      out.conflicts.push(errorFor(slot, `${FIELD_LABELS[keyOf(slot)]}填写了多个不同的值`, [...seen].join(' / ')));
    }
  }
  out.typed.project ??= fallback.project ?? undefined;
  out.typed.date ??= fallback.date ?? undefined;
  return out;
}

const CONTENT: readonly Slot[] = ['progress', 'todayWork', 'workers', 'investmentCumulative'];

/** Reads the fields one by one, gathering the errors and the remarks kept as notes. */
class FieldReader {
  readonly errors: FieldError[];
  readonly notes: Partial<Record<ReportKey, string>> = {};
  hasNotes = false;

  constructor(private readonly c: Collected) {
    this.errors = c.conflicts;
  }

  take<T>(slot: Slot, read: Read<T>): T | null {
    if ('error' in read) {
      this.errors.push(errorFor(slot, read.error, this.c.typed[slot] ?? ''));
      return null;
    }
    if (read.note !== null) {
      this.notes[keyOf(slot)] = read.note;
      this.hasNotes = true;
    }
    return read.value;
  }

  count(slot: 'workers' | 'machines', message: string): number | null {
    const typed = this.c.typed[slot];
    return typed === undefined ? null : this.take(slot, toWhole(typed, readCount(typed), message));
  }

  amount(slot: 'investmentCumulative' | 'investmentMonth', message: string): number | null {
    const typed = this.c.typed[slot];
    return typed === undefined ? null : this.take(slot, toAmount(typed, this.c.units[slot], message));
  }
}

/** Every field read and checked: the report, or every problem found. */
function readFields(c: Collected, today: string): { report: Report } | { errors: FieldError[] } {
  const { typed } = c;
  const r = new FieldReader(c);
  const date = typed.date === undefined ? today : r.take('date', toDate(typed.date, today));
  let progress: Progress = { percent: null, text: null };
  if (typed.progress !== undefined) {
    progress = toProgress(typed.progress);
    const usable = progress.percent === null ? progress.text !== null : progress.percent >= 0 && progress.percent <= 100;
    if (!usable) r.errors.push(errorFor('progress', PROGRESS_RANGE, typed.progress));
  }
  const workers = r.count('workers', '施工人数应为不小于 0 的整数');
  const machines = r.count('machines', '机械设备应为不小于 0 的整数');
  const investmentCumulative = r.amount('investmentCumulative', '累计完成投资应为金额（万元或亿元）');
  const investmentMonth = r.amount('investmentMonth', '本月完成投资应为金额（万元或亿元）');

  const errors = r.errors;
  if (!CONTENT.some((slot) => c.present.has(slot))) errors.push(errorFor('progress', '未找到进度内容', ''));
  if (errors.length > 0 || date === null) {
    errors.sort((a, b) => SLOTS.indexOf(slotOf(a.key)) - SLOTS.indexOf(slotOf(b.key)));
    return { errors };
  }
  const report: Report = {
    project: typed.project ?? null,
    date,
    progressPercent: progress.percent,
    progressText: progress.text,
    todayWork: typed.todayWork ?? null,
    workers,
    machines,
    investmentCumulative,
    investmentMonth,
    problems: typed.problems === undefined ? [] : toProblems(typed.problems),
    nextPlan: typed.nextPlan ?? null,
  };
  if (r.hasNotes) report.notes = r.notes;
  if (c.correction) report.correction = true;
  return { report };
}

/**
 * The longest message the bot reads as a report, in characters (UTF-16 code units): a longer one is
 * stored and answered briefly, not parsed. parseMessage itself reads any length in linear time, and
 * `rishai parse` reads whatever it is given.
 */
export const MAX_REPORT_LENGTH = 20_000;

const IGNORED: ParseResult = { kind: 'ignored' };
/** Without the tag, a separator, a figure or a bracket nothing can be a report: short chatter stops here. */
const MAYBE_REPORT = /日报|[:：;；,，0-9０-９【[\t]/;
/** Fields filled in that make a message without the tag a report. */
const MIN_UNTAGGED_LABELS = 3;

function filledSlots(entries: readonly Entry[]): Set<Slot> {
  const slots = new Set<Slot>();
  for (const e of entries) if (e.lines.length > 0) slots.add(e.slot);
  return slots;
}

const SLOT_BIT = Object.fromEntries(SLOTS.map((slot, i) => [slot, 1 << i])) as Record<Slot, number>;

/** How many fields have a value, counted with a bit a field rather than a set: most messages stop here. */
function filledCount(sections: readonly Section[]): number {
  let bits = 0;
  for (const section of sections) for (const e of section.entries) if (e.lines.length > 0) bits |= SLOT_BIT[e.slot];
  let n = 0;
  for (; bits !== 0; bits &= bits - 1) n++;
  return n;
}

/** The project a section names: its 项目名称, else its heading; the first section may be named after the tag. */
function sectionName(s: Scan, section: Section): string | null {
  const labelled = section.entries.find((e) => e.slot === 'project' && e.lines.length > 0);
  return labelled ? labelled.lines.join('\n') : (section.heading ?? (section === s.sections[0] ? s.header : null));
}

/**
 * The projects of a message that reports on several: two sections or more with content, each named,
 * each sharing a field with the others (as one liaison's report on each project does). Null when
 * the message is one project's report, such as one whose work items look like names.
 */
function severalProjects(s: Scan): { section: Section; name: string }[] | null {
  // The part before the first project is one only with content of its own (else it holds the town, the date).
  const named = s.sections.flatMap((section) => {
    const filled = section.entries.some((e) => e.lines.length > 0) && (section.hasContent || section !== s.sections[0]);
    const name = filled ? sectionName(s, section) : null;
    return name === null ? [] : [{ section, name, slots: filledSlots(section.entries) }];
  });
  const withContent = named.filter((n) => n.section.hasContent);
  const contentSections = s.sections.filter((section) => section.hasContent).length;
  if (withContent.length < 2 || withContent.length < contentSections) return null;
  // Counted once, so a table of many rows is checked in one pass.
  const sectionsWith = new Map<Slot, number>();
  for (const n of withContent) for (const slot of CONTENT) if (n.slots.has(slot)) sectionsWith.set(slot, (sectionsWith.get(slot) ?? 0) + 1);
  const shares = (n: (typeof named)[number]) => CONTENT.some((slot) => n.slots.has(slot) && sectionsWith.get(slot)! > 1);
  return withContent.every(shares) ? named : null;
}

const TOO_MANY_PROJECTS: FieldError = {
  key: 'project',
  field: FIELD_LABELS.project,
  message: `一条消息最多报送 ${MAX_PROJECTS} 个项目的日报，请分几条发送`,
  got: '',
  example: EXAMPLES.project,
};

function readProjects(s: Scan, projects: { section: Section; name: string }[], today: string): ProjectResult[] {
  // A date before the first project (in the header or on a line of its own) is every project's.
  const first = s.sections[0]!;
  const firstIsProject = projects.some((p) => p.section === first);
  const sharedDate =
    s.headerDate ?? (firstIsProject ? null : (first.entries.find((e) => e.slot === 'date' && e.lines.length > 0)?.lines[0] ?? first.dateLine));
  return projects.map(({ section, name }) => {
    const read = readFields(
      collect(section.entries, { project: name, date: section.dateLine ?? sharedDate, correction: s.correction }),
      today,
    );
    return 'errors' in read ? { kind: 'invalid', project: name, errors: read.errors } : { kind: 'report', report: read.report };
  });
}

/**
 * Reads a WeChat message as a daily report, or several projects' reports. Chatter is `ignored`; a
 * report with any unreadable or impossible field is `invalid` with every problem listed; never throws.
 */
export function parseMessage(text: string, postedAt: Date): ParseResult {
  if (!MAYBE_REPORT.test(text)) return IGNORED;
  const s = scan(text);
  const filled = filledCount(s.sections);
  // An empty form forwarded without the tag is no report; nor is 日报：请各项目今天18点前报送.
  if (!s.tagged && filled < MIN_UNTAGGED_LABELS) return IGNORED;
  if (s.bareTag && filled === 0) return IGNORED;

  const today = shanghaiToday(postedAt);
  // Table rows are sections already; headings and repeated names are split only when hinted, and
  // the message is one project's report when the split finds no several projects.
  let split = s;
  if (s.sections.length === 1 && s.severalHinted) split = scan(text, true);
  if (split.tooMany) return { kind: 'invalid', errors: [TOO_MANY_PROJECTS] };
  const several = split.sections.length > 1 ? severalProjects(split) : null;
  if (several) return { kind: 'reports', reports: readProjects(split, several, today) };

  const entries = s.sections.length === 1 ? s.sections[0]!.entries : s.sections.flatMap((section) => section.entries);
  const heading = s.sections.find((section) => section.heading !== null)?.heading ?? null;
  const dateLine = s.sections.find((section) => section.dateLine !== null)?.dateLine ?? null;
  const read = readFields(collect(entries, { project: heading ?? s.header, date: s.headerDate ?? dateLine, correction: s.correction }), today);
  return 'errors' in read ? { kind: 'invalid', errors: read.errors } : { kind: 'report', report: read.report };
}
