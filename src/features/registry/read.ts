import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { REGISTRY_COLUMNS, columnOf, type RegistryColumn, type RegistryKey } from './columns';
import { readCsv } from './csv';
import { readXlsx } from './xlsx';
import { MAX_DATA_ROWS, MAX_FILE_BYTES, fileError, type RegistryError, type SheetRow, type SheetSink } from './sheet';
import { PROJECT_STATUSES, type ProjectInput, type ProjectStatus } from '../../domain/project';

export type { RegistryError } from './sheet';

/** A valid project and the line it was read from. */
export interface RegistryRow {
  line: number;
  project: ProjectInput;
}

export type RegistryReadResult = { ok: true; rows: RegistryRow[] } | { ok: false; errors: RegistryError[] };

const HEADER_TO_KEY = new Map<string, RegistryKey>(
  REGISTRY_COLUMNS.flatMap((c) => [
    [c.header, c.key],
    [c.key.toLowerCase(), c.key],
  ]),
);

/** Column key of a header cell; a trailing unit such as 总投资（万元） is tolerated. */
function headerKey(header: string): RegistryKey | undefined {
  const bare = header.trim().replace(/\s*[（(][^（）()]*[)）]$/, '');
  return HEADER_TO_KEY.get(bare) ?? HEADER_TO_KEY.get(bare.toLowerCase());
}

type HeaderCheck = { ok: true; columns: Map<RegistryKey, number> } | { ok: false; errors: RegistryError[] };

/** Maps each known column to the index of the header naming it; `line` is the header's row number. */
function checkHeaders(headers: readonly string[], line: number): HeaderCheck {
  const columns = new Map<RegistryKey, number>();
  const errors: RegistryError[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (!key) return;
    const seen = columns.get(key);
    if (seen === undefined) columns.set(key, index);
    else errors.push({ line, message: `第${line}行 表头「${header.trim()}」与「${headers[seen]?.trim()}」重复` });
  });
  for (const column of REGISTRY_COLUMNS) {
    if (column.required && !columns.has(column.key)) {
      errors.push({ line, message: `第${line}行 表头缺少「${column.header}」列` });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, columns };
}

/** A cell as text the way the user sees it; Excel dates are UTC midnights of the shown day. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

function parseText(value: unknown): Parsed<string | null> {
  return ok(cellText(value) || null);
}

function parseName(value: unknown, label: string): Parsed<string> {
  const text = cellText(value);
  return text ? ok(text) : bad(`${label}不能为空`);
}

function splitAliases(value: unknown): string[] {
  const parts = cellText(value)
    .split(/[、，,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(parts)];
}

const MONEY_FORM = /^(-?\d+(?:\.\d+)?)(亿元?|万元?)?$/;

function parseMoney(value: unknown, label: string): Parsed<number | null> {
  const shown = cellText(value);
  let amount: number;
  if (typeof value === 'number') {
    amount = value;
  } else {
    if (shown === '') return ok(null);
    // NFKC folds full-width digits and punctuation typed with a Chinese IME.
    const m = MONEY_FORM.exec(shown.normalize('NFKC').replace(/[,\s]/g, ''));
    if (!m) return bad(`${label}「${shown}」不是有效金额，应为万元数，如 50000、5亿、8500万元`);
    const number = Number(m[1]);
    // toFixed keeps 1.15亿 at 11500 instead of 11499.999999999998.
    amount = m[2]?.startsWith('亿') ? Number((number * 10000).toFixed(4)) : number;
  }
  if (!Number.isFinite(amount)) return bad(`${label}「${shown}」不是有效金额`);
  if (amount < 0) return bad(`${label}「${shown}」不能为负数`);
  return ok(amount);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Serials outside 1990–2099 are more likely a stray number (a year, an amount) than a date.
const MIN_SERIAL = (Date.UTC(1990, 0, 1) - EXCEL_EPOCH_MS) / DAY_MS;
const MAX_SERIAL = (Date.UTC(2100, 0, 1) - EXCEL_EPOCH_MS) / DAY_MS;

function ymd(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  const valid = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return valid ? d.toISOString().slice(0, 10) : null;
}

const DATE_FORMS = [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/];

function dateFromText(text: string): string | null {
  const normalized = text.normalize('NFKC').replace(/\s/g, '');
  for (const form of DATE_FORMS) {
    const m = form.exec(normalized);
    if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  return null;
}

function parseDate(value: unknown, label: string): Parsed<string | null> {
  const shown = cellText(value);
  if (shown === '') return ok(null);
  let date: string | null = null;
  if (value instanceof Date) date = shown;
  else if (typeof value === 'number') {
    if (value >= MIN_SERIAL && value < MAX_SERIAL) date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
  } else date = dateFromText(shown);
  return date ? ok(date) : bad(`${label}「${shown}」不是有效日期，应为 YYYY-MM-DD`);
}

const STATUS_HINT = `应为 ${PROJECT_STATUSES.join('/')}`;

function parseStatus(value: unknown, label: string): Parsed<ProjectStatus> {
  const shown = cellText(value);
  if (shown === '') return bad(`${label}不能为空，${STATUS_HINT}`);
  const status = PROJECT_STATUSES.find((s) => s === shown);
  return status ? ok(status) : bad(`${label}「${shown}」无效，${STATUS_HINT}`);
}

const YES = new Set(['是', 'y', 'yes', '1', 'true']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);

function parseFlag(value: unknown, label: string): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const shown = cellText(value);
  const folded = shown.normalize('NFKC').toLowerCase();
  if (YES.has(folded)) return ok(true);
  if (NO.has(folded)) return ok(false);
  return bad(`${label}「${shown}」无效，应为 是 或 否`);
}

// Tab, line feed and carriage return are the control characters a multi-line cell may hold.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/u;

function describeControl(char: string): string {
  if (char === '\n' || char === '\r') return '换行';
  if (char === '\t') return '制表符';
  return `控制字符 U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a cell's text is refused whatever its column holds: too long, or with control characters. */
function cellProblem(column: RegistryColumn, text: string): string | undefined {
  const length = [...text].length;
  if (length > column.maxLength) return `${column.header}超过 ${column.maxLength} 字（现有 ${length} 字），请精简`;
  const control = (column.multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(text)?.[0];
  return control === undefined ? undefined : `${column.header}含有${describeControl(control)}，请删除`;
}

/** A zod field checking the cell and then running one of the parsers above, reporting a problem as the issue message. */
function field<T>(key: RegistryKey, parser: (value: unknown, label: string) => Parsed<T>) {
  const column = columnOf(key);
  return z.unknown().transform((value, ctx): T => {
    const problem = cellProblem(column, cellText(value));
    const parsed = problem === undefined ? parser(value, column.header) : bad(problem);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  });
}

/** A row's cells as a project; aliases are also checked against other rows. */
const rowSchema = z
  .object({
    name: field('name', parseName),
    aliases: field('aliases', (value) => ok(splitAliases(value))),
    category: field('category', parseText),
    chain: field('chain', parseText),
    town: field('town', parseText),
    unit: field('unit', parseText),
    leader: field('leader', parseText),
    liaison: field('liaison', parseText),
    totalInvestment: field('totalInvestment', parseMoney),
    annualPlan: field('annualPlan', parseMoney),
    plannedStart: field('plannedStart', parseDate),
    plannedFinish: field('plannedFinish', parseDate),
    status: field('status', parseStatus),
    registered: field('registered', parseFlag),
  })
  .superRefine((row, ctx) => {
    if (row.plannedStart && row.plannedFinish && row.plannedFinish < row.plannedStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['plannedFinish'],
        message: `${columnOf('plannedFinish').header}「${row.plannedFinish}」早于${columnOf('plannedStart').header}「${row.plannedStart}」`,
      });
    }
  });

/** The columns the chat bot matches a typed project name against. */
export type NameKey = Extract<RegistryKey, 'name' | 'aliases'>;

/** Each name a project answers to, with the column giving it. */
export function namesOf(project: Pick<ProjectInput, 'name' | 'aliases'>): [string, NameKey][] {
  return [[project.name, 'name'], ...project.aliases.map((alias): [string, NameKey] => [alias, 'aliases'])];
}

/** `第5行 简称「化工」与第3行的简称重复`; a repeated project name keeps the shorter `与第3行重复`. */
function clashMessage(line: number, key: NameKey, label: string, earlier: { line: number; key: NameKey }): string {
  const whose = key === 'name' && earlier.key === 'name' ? '' : `的${columnOf(earlier.key).header}`;
  return `第${line}行 ${columnOf(key).header}「${label}」与第${earlier.line}行${whose}重复`;
}

/** Whether a name or alias cell is refused outright, whatever else is in the file. */
const refusedOutright = (key: NameKey, text: string): boolean => cellProblem(columnOf(key), text) !== undefined;

/** A data row: its line and a value (or null) for every registry column, the schema's fields not being optional. */
interface RowCells {
  line: number;
  cells: Record<RegistryKey, unknown>;
}

const isBlank = (cells: Record<RegistryKey, unknown>): boolean => Object.values(cells).every((v) => cellText(v) === '');

/**
 * Validates data rows below the header on `headerLine`; rows with no value in any known column are skipped.
 * Every name and alias must be unique across the file, since the chat bot matches a typed name against all of them.
 */
function validateRows(data: readonly RowCells[], headerLine: number): RegistryReadResult {
  const errors: RegistryError[] = [];
  const rows: RegistryRow[] = [];
  const firstUse = new Map<string, { line: number; key: NameKey }>();
  for (const { line, cells } of data) {
    if (isBlank(cells)) continue;

    // Clashes are found from the cells alone, so one is reported even when either row has other errors;
    // but not for a name or alias cell refused outright, which may be too long to quote.
    const name = cellText(cells.name);
    // An alias repeating the project's own name adds nothing to matching.
    const aliases = splitAliases(cells.aliases).filter((alias) => alias !== name);
    const compared = namesOf({
      name: refusedOutright('name', name) ? '' : name,
      aliases: refusedOutright('aliases', cellText(cells.aliases)) ? [] : aliases,
    });
    for (const [label, key] of compared) {
      if (label === '') continue;
      const earlier = firstUse.get(label);
      if (earlier) errors.push({ line, message: clashMessage(line, key, label, earlier) });
      else firstUse.set(label, { line, key });
    }

    const result = rowSchema.safeParse(cells);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ line, message: `第${line}行 ${issue.message}` });
    } else rows.push({ line, project: { ...result.data, aliases } });
  }

  if (errors.length) return { ok: false, errors };
  return rows.length ? { ok: true, rows } : noData(headerLine);
}

/** A record's value for every registry column, given the column (header, or index) each is found under. */
function cellsOf<K extends string | number>(columns: ReadonlyMap<RegistryKey, K>, valueAt: (column: K) => unknown): Record<RegistryKey, unknown> {
  const cells = {} as Record<RegistryKey, unknown>;
  for (const { key } of REGISTRY_COLUMNS) {
    const column = columns.get(key);
    cells[key] = column === undefined ? null : (valueAt(column) ?? null);
  }
  return cells;
}

/** Validates rows keyed by header (Chinese or English), the first being on line `firstDataLine`; blank rows keep later line numbers right. */
export function parseRegistryRows(records: Record<string, unknown>[], firstDataLine: number): RegistryReadResult {
  const headerLine = firstDataLine - 1;
  if (records.length === 0) return noData(headerLine);
  const headers = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const checked = checkHeaders(headers, headerLine);
  if (!checked.ok) return checked;
  const byHeader = new Map([...checked.columns].map(([key, index]) => [key, headers[index] ?? '']));
  return validateRows(
    records.map((record, index) => ({ line: firstDataLine + index, cells: cellsOf(byHeader, (header) => record[header]) })),
    headerLine,
  );
}

function noData(headerLine: number): RegistryReadResult {
  return { ok: false, errors: [{ line: headerLine, message: `第${headerLine}行 表头下方没有项目数据` }] };
}

// Offices often put a title row (示范区2026年重点项目台账) and a note row (单位：万元) above the header.
const HEADER_SEARCH_ROWS = 5;

/** A header names the project column and another known one, which a title or note row does not. */
function isHeader(cells: readonly string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has('name') && [...keys].some((key) => key !== undefined && key !== 'name');
}

/**
 * Takes a file's rows as they are read: looks for the header among the first non-empty ones, then keeps
 * the rows with a value in a known column, up to MAX_DATA_ROWS; past that, or on a bad header, reading stops.
 */
class RegistryTable implements SheetSink {
  readonly kept: SheetRow[] = [];
  /** Lines of the non-empty rows looked at for the header. */
  private readonly searched: number[] = [];
  private header: { line: number; columns: Map<RegistryKey, number> } | undefined;
  private refused: RegistryError[] | undefined;

  add(row: SheetRow): boolean {
    if (this.refused) return false;
    if (!this.header) return this.lookForHeader(row);
    if (isBlank(cellsOf(this.header.columns, (index) => row.cells[index]))) return true;
    if (this.kept.length === MAX_DATA_ROWS) {
      const message = `第${row.line}行起超出上限：一次最多导入 ${MAX_DATA_ROWS} 个项目，请分成几个文件分别导入`;
      this.refused = [{ line: row.line, message }];
      return false;
    }
    this.kept.push(row);
    return true;
  }

  private lookForHeader(row: SheetRow): boolean {
    const cells = row.cells.map(cellText);
    if (cells.every((cell) => cell === '')) return true;
    if (isHeader(cells)) {
      const checked = checkHeaders(cells, row.line);
      if (checked.ok) this.header = { line: row.line, columns: checked.columns };
      else this.refused = checked.errors;
      return checked.ok;
    }
    this.searched.push(row.line);
    return this.searched.length < HEADER_SEARCH_ROWS;
  }

  result(): RegistryReadResult {
    if (this.refused) return { ok: false, errors: this.refused };
    const header = this.header;
    if (header) {
      const rows = this.kept.map((row) => ({ line: row.line, cells: cellsOf(header.columns, (index) => row.cells[index]) }));
      return validateRows(rows, header.line);
    }
    const [line, lastLine] = [this.searched[0], this.searched.at(-1)];
    if (line === undefined || lastLine === undefined) return fileError('文件是空的');
    const where = line === lastLine ? `第${line}行` : `第${line}至${lastLine}行`;
    const [name, status] = [columnOf('name').header, columnOf('status').header];
    return {
      ok: false,
      errors: [{ line, message: `第${line}行 表头缺少「${name}」列；已查找${where}，表头须含「${name}」和至少一个其他列（如「${status}」）` }],
    };
  }
}

/** Reads and validates a registry file (`.csv` in UTF-8 or GBK, or `.xlsx`); a file over MAX_FILE_BYTES is refused unread. */
export async function readRegistryFile(file: string): Promise<RegistryReadResult> {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (ext !== '.csv' && ext !== '.xlsx') return fileError(`不支持「${name}」，请使用 .csv 或 .xlsx 文件`);
  let bytes: Buffer;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file);
    const stat = await handle.stat();
    // Not a device or a pipe, which could go on for ever whatever size they report.
    if (!stat.isFile()) return fileError(`「${name}」不是文件，请指定 .csv 或 .xlsx 文件`);
    const mb = (n: number) => `${Math.ceil((n / 1024 / 1024) * 10) / 10} MB`;
    if (stat.size > MAX_FILE_BYTES) return fileError(`文件「${name}」有 ${mb(stat.size)}，超过上限 ${mb(MAX_FILE_BYTES)}；项目台账通常不到 5 MB，请检查是否选错了文件`);
    bytes = await handle.readFile();
  } catch (err) {
    return fileError(`无法读取文件「${name}」（${(err as NodeJS.ErrnoException).code ?? 'unknown'}）`);
  } finally {
    await handle?.close();
  }
  const table = new RegistryTable();
  const problem = await (ext === '.csv' ? readCsv(bytes, table) : readXlsx(bytes, table));
  return problem ? { ok: false, errors: [problem] } : table.result();
}
