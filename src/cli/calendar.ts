import fs from 'node:fs';
import type { CliIo } from './index';
import { withCliDb, type DbUse } from './db';
import { CalendarStore } from '../store/calendar';
import { type CalendarOverride, type DayType, type OverrideInput } from '../domain/calendar';
import { WorkCalendar, isIsoDate, weekdayOf, type DayKind } from '../core/calendar';
import { shanghaiDate, systemClock, type Clock } from '../time/clock';

const USAGE = `用法：
  rishai calendar list [YEAR]                      列出手工设置的日期，及今明两年是否已有节假日安排
  rishai calendar add DATE workday|holiday [NOTE]  把某天设为上班或放假（workday 也可写「上班」，holiday 写「放假」）
  rishai calendar add-year YEAR FILE               从文件录入一整年：每行「日期,workday|holiday,备注」
  rishai calendar remove DATE                      删除某天的手工设置，恢复内置安排`;

/** Who the CLI records as having set a day: it runs on the server, outside any chat identity. */
const CLI_SETTER = 'cli';

const KIND_WORDS = new Map<string, DayType>([
  ['workday', 'workday'],
  ['上班', 'workday'],
  ['holiday', 'holiday'],
  ['放假', 'holiday'],
]);
const KIND_LABEL: Record<DayType, string> = { workday: '上班', holiday: '放假' };
const WEEKDAY_LABEL = '日一二三四五六';

const withWeekday = (date: string): string => `${date}（周${WEEKDAY_LABEL[weekdayOf(date)]}）`;

function describe(k: DayKind): string {
  const what = k.workday ? '工作日' : '休息日';
  return k.name ? `${what}（${k.name}）` : what;
}

/** `rishai calendar …`: reads and edits the admin overrides of the workday calendar. */
export async function runCalendar(dbFile: string, args: string[], io: CliIo, clock: Clock = systemClock): Promise<number> {
  const [sub, ...rest] = args;
  const invalid = (message: string): number => {
    io.err(message);
    return 1;
  };
  switch (sub) {
    case 'list': {
      if (rest.length > 1) break;
      const [year] = rest;
      if (year !== undefined && !YEAR_RE.test(year)) return invalid(badYear(year));
      return withStore(dbFile, 'read', io, (store) => list(store, year === undefined ? undefined : Number(year), io, clock));
    }
    case 'add': {
      const [date, kindWord, ...note] = rest;
      if (date === undefined || kindWord === undefined) break;
      if (!isIsoDate(date)) return invalid(badDate(date));
      const kind = KIND_WORDS.get(kindWord);
      if (!kind) return invalid(badKind(kindWord));
      return withStore(dbFile, 'write', io, (store) => add(store, date, kind, note.join(' ').trim() || null, io, clock));
    }
    case 'add-year': {
      const [year, file] = rest;
      if (year === undefined || file === undefined || rest.length > 2) break;
      if (!YEAR_RE.test(year)) return invalid(badYear(year));
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        return invalid(`无法读取 ${file}：${(err as Error).message}`);
      }
      const parsed = parseYearFile(text, Number(year));
      if (!parsed.ok) return invalid(`${file} 有误，未做任何修改：\n${parsed.errors.join('\n')}`);
      return withStore(dbFile, 'write', io, (store) => addYear(store, Number(year), parsed.days, io, clock));
    }
    case 'remove': {
      const [date] = rest;
      if (date === undefined || rest.length > 1) break;
      if (!isIsoDate(date)) return invalid(badDate(date));
      return withStore(dbFile, 'write', io, (store) => remove(store, date, io));
    }
  }
  io.err(USAGE);
  return 2;
}

const YEAR_RE = /^\d{4}$/;
const badYear = (year: string) => `年份「${year}」无效，应为四位数字，例如 2027。`;
const badDate = (date: string) => `日期「${date}」无效，应为 YYYY-MM-DD，例如 2026-10-10。`;
const badKind = (word: string) => `类型「${word}」无效，应为 workday（上班）或 holiday（放假）。`;

function withStore(dbFile: string, use: DbUse, io: CliIo, run: (store: CalendarStore) => number): Promise<number> {
  return withCliDb(dbFile, use, io, (db) => run(new CalendarStore(db)));
}

function list(store: CalendarStore, year: number | undefined, io: CliIo, clock: Clock): number {
  const overrides = store.list(year);
  io.out(year === undefined ? '手工设置的日期：' : `${year} 年手工设置的日期：`);
  if (overrides.length === 0) io.out('  （无）');
  for (const o of overrides) io.out(`  ${formatOverride(o)}`);

  const calendar = WorkCalendar.fromStore(store);
  const thisYear = Number(shanghaiDate(clock.now()).slice(0, 4));
  const years = [...new Set([thisYear, thisYear + 1, ...(year === undefined ? [] : [year])])].sort((a, b) => a - b);
  io.out('节假日数据：');
  for (const y of years) {
    io.out(
      calendar.isCovered(y)
        ? `  ${y} 年：已有节假日安排`
        : `  ${y} 年：没有节假日安排，暂按周一至周五上班；请用 rishai calendar add-year ${y} FILE 录入`,
    );
  }
  return 0;
}

function formatOverride(o: CalendarOverride): string {
  const note = o.note ? ` ${o.note}` : '';
  const by = o.setBy ? `${o.setBy}，` : '';
  return `${withWeekday(o.date)} ${KIND_LABEL[o.kind]}${note}（${by}${o.setAt}）`;
}

function add(store: CalendarStore, date: string, kind: DayType, note: string | null, io: CliIo, clock: Clock): number {
  const before = WorkCalendar.fromStore(store).dayKind(date);
  store.set(date, kind, note, CLI_SETTER, clock.now());
  io.out(`已把 ${withWeekday(date)}设为${KIND_LABEL[kind]}，原为${describe(before)}。`);
  warnIfPackageLacks(Number(date.slice(0, 4)), io);
  return 0;
}

// One override makes its year count as covered, so an admin fixing a single day must know that the
// rest of that year is then taken as plain Monday–Friday without further warnings.
function warnIfPackageLacks(year: number, io: CliIo): void {
  if (!new WorkCalendar().isCovered(year)) {
    io.out(`注意：内置数据没有 ${year} 年的节假日安排，该年未设置的日期一律按周一至周五上班，请确认已录入全年的放假和调休。`);
  }
}

function remove(store: CalendarStore, date: string, io: CliIo): number {
  if (!store.remove(date)) {
    io.err(`${date} 没有手工设置。`);
    return 1;
  }
  io.out(`已删除 ${withWeekday(date)}的手工设置，现为${describe(WorkCalendar.fromStore(store).dayKind(date))}。`);
  return 0;
}

function addYear(store: CalendarStore, year: number, days: OverrideInput[], io: CliIo, clock: Clock): number {
  const existing = new Set(store.list(year).map((o) => o.date));
  const updated = days.filter((d) => existing.has(d.date)).length;
  store.setMany(days, CLI_SETTER, clock.now());
  io.out(`已录入 ${year} 年 ${days.length} 天：新增 ${days.length - updated} 天，更新 ${updated} 天。`);
  warnIfPackageLacks(year, io);
  return 0;
}

type YearFile = { ok: true; days: OverrideInput[] } | { ok: false; errors: string[] };

const HEADER_RE = /^date\s*[,，]\s*kind/i;
// Date, kind, then the rest of the line as the note; Chinese commas are accepted as separators.
const LINE_RE = /^([^,，]*)(?:[,，]([^,，]*))?(?:[,，](.*))?$/;

/** Lines of `date,kind,note`; blank lines, `#` comments and a `date,kind,note` header are skipped. */
function parseYearFile(text: string, year: number): YearFile {
  const days: OverrideInput[] = [];
  const errors: string[] = [];
  const lineOf = new Map<string, number>();
  for (const [i, raw] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || HEADER_RE.test(line)) continue;
    const at = `第 ${i + 1} 行：`;
    const [, date = '', kindWord = '', note = ''] = LINE_RE.exec(line)!.map((s) => s?.trim());
    const kind = KIND_WORDS.get(kindWord);
    const earlier = lineOf.get(date);
    if (!isIsoDate(date)) errors.push(`${at}${badDate(date)}`);
    else if (!date.startsWith(`${year}-`)) errors.push(`${at}${date} 不在 ${year} 年。`);
    else if (earlier !== undefined) errors.push(`${at}${date} 与第 ${earlier} 行重复。`);
    else lineOf.set(date, i + 1);
    if (!kind) errors.push(`${at}${badKind(kindWord)}`);
    else days.push({ date, kind, note: note || null });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (days.length === 0) return { ok: false, errors: ['文件中没有日期。'] };
  return { ok: true, days };
}
