import { z } from 'zod';
import { shanghaiDate } from '../../time/clock';
import { findLastPercent, parseAmountWan, parseCount, parsePercent, sumCounts, toHalfWidth } from './numbers';
import { FIELD_LABELS, type FieldError, type ParseResult, type Report, type ReportKey } from '../../domain/report';
import { parseDateText, resolveDate } from './dates';
import { SLOTS, type Slot } from './labels';
import { cleanText, scan, trimEdges, type Entry, type Scan } from './scan';

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
/** Without the tag, a separator, a figure or a bracket nothing can be a report: short chatter stops here. */
const MAYBE_REPORT = /日报|[:：;；,，0-9０-９【[\t]/;
const MIN_UNTAGGED_LABELS = 3;
const CONTENT: readonly Slot[] = ['progress', 'todayWork', 'workers', 'investmentCumulative'];

/**
 * Reads a WeChat message as a daily report. Chatter is `ignored`; a report with any unreadable
 * or out-of-range field is `invalid` with every problem listed; never throws.
 */
export function parseMessage(text: string, postedAt: Date): ParseResult {
  if (!MAYBE_REPORT.test(text)) return IGNORED;
  const s = scan(text);
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
