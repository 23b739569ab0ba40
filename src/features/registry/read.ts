import fs from 'node:fs/promises';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { z } from 'zod';
import { REGISTRY_COLUMNS, columnOf, type RegistryKey } from './columns';
import { PROJECT_STATUSES, type ProjectInput, type ProjectStatus } from '../../domain/project';

/** `line` is the row number shown by WPS/Excel (header row is 1); 0 means the file as a whole. */
export interface RegistryError {
  line: number;
  message: string;
}

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

type HeaderCheck = { ok: true; columns: Map<RegistryKey, string> } | { ok: false; errors: RegistryError[] };

/** Maps each known column to the header naming it; `line` is the header's row number. */
function checkHeaders(headers: readonly string[], line: number): HeaderCheck {
  const columns = new Map<RegistryKey, string>();
  const errors: RegistryError[] = [];
  for (const header of headers) {
    const key = headerKey(header);
    if (!key) continue;
    const seen = columns.get(key);
    if (seen === undefined) columns.set(key, header);
    else errors.push({ line, message: `第${line}行 表头「${header.trim()}」与「${seen.trim()}」重复` });
  }
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

/** A zod field running one of the parsers above, reporting its problem as the issue message. */
function field<T>(key: RegistryKey, parser: (value: unknown, label: string) => Parsed<T>) {
  const label = columnOf(key).header;
  return z.unknown().transform((value, ctx): T => {
    const parsed = parser(value, label);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  });
}

/** A row's cells as a project less its aliases, which cannot fail and are checked against other rows instead. */
const rowSchema = z
  .object({
    name: field('name', parseName),
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

/**
 * Validates rows keyed by header (Chinese or English), the first being on line `firstDataLine`.
 * Rows with no value in any known column are skipped, so blank lines keep later line numbers right.
 * Every name and alias must be unique across the file, since the chat bot matches a typed name against all of them.
 */
export function parseRegistryRows(records: Record<string, unknown>[], firstDataLine: number): RegistryReadResult {
  const headerLine = firstDataLine - 1;
  if (records.length === 0) return noData(headerLine);
  const headers = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const checked = checkHeaders(headers, headerLine);
  if (!checked.ok) return checked;

  const errors: RegistryError[] = [];
  const rows: RegistryRow[] = [];
  const firstUse = new Map<string, { line: number; key: NameKey }>();
  records.forEach((record, index) => {
    const line = firstDataLine + index;
    // Every key is present (absent columns as null): the schema's fields are not optional.
    const cells: Partial<Record<RegistryKey, unknown>> = {};
    for (const { key } of REGISTRY_COLUMNS) {
      const header = checked.columns.get(key);
      cells[key] = header === undefined ? null : (record[header] ?? null);
    }
    if (Object.values(cells).every((v) => cellText(v) === '')) return;

    // Clashes are found from the cells alone, so one is reported even when either row has other errors.
    const name = cellText(cells.name);
    // An alias repeating the project's own name adds nothing to matching.
    const aliases = splitAliases(cells.aliases).filter((alias) => alias !== name);
    for (const [label, key] of namesOf({ name, aliases })) {
      if (label === '') continue;
      const earlier = firstUse.get(label);
      if (earlier) errors.push({ line, message: clashMessage(line, key, label, earlier) });
      else firstUse.set(label, { line, key });
    }

    const result = rowSchema.safeParse(cells);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ line, message: `第${line}行 ${issue.message}` });
    } else rows.push({ line, project: { ...result.data, aliases } });
  });

  if (errors.length) return { ok: false, errors };
  return rows.length ? { ok: true, rows } : noData(headerLine);
}

function noData(headerLine: number): RegistryReadResult {
  return { ok: false, errors: [{ line: headerLine, message: `第${headerLine}行 表头下方没有项目数据` }] };
}

const fileError = (message: string): { ok: false; errors: RegistryError[] } => ({ ok: false, errors: [{ line: 0, message }] });

// Offices often put a title row (示范区2026年重点项目台账) and a note row (单位：万元) above the header.
const HEADER_SEARCH_ROWS = 5;

/** A header names the project column and another known one, which a title or note row does not. */
function isHeader(cells: readonly string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has('name') && [...keys].some((key) => key !== undefined && key !== 'name');
}

type HeaderSearch = { found: true; index: number; headers: string[] } | { found: false; searched: number[] };

/** Looks for the header among the first non-empty rows; `searched` holds their indexes when none is. */
function findHeader(rows: readonly unknown[][]): HeaderSearch {
  const searched: number[] = [];
  for (let index = 0; index < rows.length && searched.length < HEADER_SEARCH_ROWS; index++) {
    const cells = (rows[index] ?? []).map(cellText);
    if (cells.every((cell) => cell === '')) continue;
    if (isHeader(cells)) return { found: true, index, headers: cells };
    searched.push(index);
  }
  return { found: false, searched };
}

/** Validates a sheet given as rows of cells; the header may follow a few title rows. */
function parseTable(rows: unknown[][]): RegistryReadResult {
  const search = findHeader(rows);
  if (!search.found) {
    const [first, last] = [search.searched[0], search.searched.at(-1)];
    if (first === undefined || last === undefined) return fileError('文件是空的');
    const [line, lastLine] = [first + 1, last + 1];
    const where = line === lastLine ? `第${line}行` : `第${line}至${lastLine}行`;
    const [name, status] = [columnOf('name').header, columnOf('status').header];
    return {
      ok: false,
      errors: [{ line, message: `第${line}行 表头缺少「${name}」列；已查找${where}，表头须含「${name}」和至少一个其他列（如「${status}」）` }],
    };
  }
  const { index, headers } = search;
  const checked = checkHeaders(headers, index + 1);
  if (!checked.ok) return checked;
  const records = rows.slice(index + 1).map((row) => {
    const record: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      if (header !== '') record[header] = row[i] ?? null;
    });
    return record;
  });
  return parseRegistryRows(records, index + 2);
}

/** UTF-8 when the bytes are valid UTF-8, else GBK as WPS saves on Chinese Windows (GB18030 is its superset). */
function decodeCsv(bytes: Buffer): string {
  const text = isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
  return text.replace(/^\uFEFF/, '');
}

function readCsv(bytes: Buffer): RegistryReadResult {
  let rows: string[][];
  try {
    rows = parseCsv(decodeCsv(bytes), { relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const where = err.lines ? `第${err.lines}行附近 ` : '';
    const what = err.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号不成对' : err.code;
    return fileError(`${where}CSV 格式有误（${what}），请用 WPS 或 Excel 重新另存为 CSV`);
  }
  return parseTable(rows);
}

/** Unwraps rich text, hyperlinks and formula results to the value the user sees. */
function plainCell(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  }
  if ('result' in value) return plainCell(value.result);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return plainCell(value.text);
  if ('error' in value) return value.error;
  return String(value);
}

async function readXlsx(bytes: Buffer<ArrayBuffer>): Promise<RegistryReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it exactly the file's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    return fileError('无法打开 xlsx 文件，可能已损坏或不是 Excel 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileError('文件是空的');
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push(cells);
  }
  return parseTable(rows);
}

/** Reads and validates a registry file (`.csv` in UTF-8 or GBK, or `.xlsx`). */
export async function readRegistryFile(file: string): Promise<RegistryReadResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') return fileError(`不支持「${path.basename(file)}」，请使用 .csv 或 .xlsx 文件`);
  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    return fileError(`无法读取文件「${path.basename(file)}」（${(err as NodeJS.ErrnoException).code ?? 'unknown'}）`);
  }
  return ext === '.csv' ? readCsv(bytes) : readXlsx(bytes);
}
