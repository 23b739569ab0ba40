import { SaxesParser } from 'saxes';
import { EntryTooLarge, Zip, ZipError } from './zip';
import { MAX_CELL_CHARS, MAX_COLUMNS, cellTooLong, type RegistryError, type SheetRow, type SheetSink } from './sheet';

/**
 * Reads the first sheet of an xlsx as a stream of rows, bounded at every step: each part read (workbook,
 * styles, shared strings, sheet) stops inflating at MAX_PART_BYTES, a cell stops at MAX_CELL_CHARS as soon
 * as it is seen, and the sheet stops when the sink has enough rows. exceljs expands the whole workbook
 * in memory (1.8 GB for a 200 MB cell) and its streaming reader caches any string and spills sheets to
 * disk, so neither bounds a hostile file.
 */

/** Uncompressed size of one part; a 10,000-project sheet is about 6 MB, its shared strings 1–12 MB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** Bytes of text with no tag in them: more than any cell within MAX_CELL_CHARS takes (UTF-8 takes at most 4 bytes a character). */
const MAX_TEXT_RUN_BYTES = 4 * MAX_CELL_CHARS;

/** Reading stops with this answer. */
class Refusal extends Error {
  constructor(readonly error: RegistryError) {
    super(error.message);
  }
}

/** A part is not well-formed XML. */
class XmlError extends Error {}

const refuse = (message: string): never => {
  throw new Refusal({ line: 0, message });
};

const TOO_LONG_IN_FILE = `文件里有超过 ${MAX_CELL_CHARS} 字的单元格（Excel 单元格的上限），文件可能已损坏`;

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
  /** The answer when text runs past MAX_TEXT_RUN_BYTES, naming the cell when known. */
  tooLong?(): RegistryError;
}

/** Element names without their namespace prefix (`x:row` is `row`), as some writers prefix them. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Streams one part's XML to the handlers; `done` is asked after each chunk, to stop early. */
async function readXml(zip: Zip, part: string, handlers: XmlHandlers, done: () => boolean = () => false): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let failure: XmlError | undefined;
  parser.on('error', (err) => {
    failure ??= new XmlError(`${part}: ${err.message}`);
  });
  parser.on('opentag', (tag) => handlers.open?.(local(tag.name), tag.attributes));
  parser.on('text', (text) => handlers.text?.(text));
  parser.on('closetag', (tag) => handlers.close?.(local(tag.name)));
  const decoder = new TextDecoder();
  let run = 0;
  for await (const chunk of zip.read(part, MAX_PART_BYTES)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    if (done()) return;
    // The parser holds a text node whole until its end tag; stop before a huge one grows further.
    const lastTag = chunk.lastIndexOf(0x3c);
    run = lastTag === -1 ? run + chunk.length : chunk.length - lastTag - 1;
    if (run > MAX_TEXT_RUN_BYTES) throw new Refusal(handlers.tooLong?.() ?? { line: 0, message: TOO_LONG_IN_FILE });
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

/** Excel writes characters XML cannot hold, such as control characters, as `_x0000_`. */
const unescapeText = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Text of the `<t>` elements in a shared string or an inline string, leaving out phonetic guides. */
class TextCollector {
  private parts: string[] | undefined;
  private length = 0;
  private inText = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
    this.length = 0;
  }

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.parts && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }

  /** False when the text grows past MAX_CELL_CHARS. */
  text(text: string): boolean {
    if (!this.inText || !this.parts) return true;
    this.parts.push(text);
    this.length += text.length;
    return this.length <= MAX_CELL_CHARS;
  }

  /** The text collected since start(), if start() was called. */
  take(): string | undefined {
    const text = this.parts && unescapeText(this.parts.join(''));
    this.parts = undefined;
    return text;
  }
}

interface Workbook {
  sheet: string;
  sharedStrings: string | undefined;
  styles: string | undefined;
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** A relationship target is relative to xl/, or absolute within the package. */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

async function readWorkbook(zip: Zip): Promise<Workbook | undefined> {
  let sheetId: string | undefined;
  let date1904 = false;
  await readXml(zip, WORKBOOK, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      // The relationship id's prefix is whatever the file binds to the relationships namespace, usually r.
      if (name === 'sheet' && sheetId === undefined) sheetId = Object.entries(attributes).find(([key]) => /:id$/.test(key))?.[1];
    },
  });
  if (sheetId === undefined) return undefined;

  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  await readXml(zip, WORKBOOK_RELS, {
    open(name, { Id, Type, Target }) {
      if (name !== 'Relationship' || Target === undefined) return;
      if (Id !== undefined) targets.set(Id, partPath(Target));
      if (Type?.endsWith('/sharedStrings')) sharedStrings = partPath(Target);
      if (Type?.endsWith('/styles')) styles = partPath(Target);
    },
  });
  const sheet = targets.get(sheetId);
  return sheet === undefined ? undefined : { sheet, sharedStrings, styles, date1904 };
}

async function readSharedStrings(zip: Zip, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined) return strings;
  const collector = new TextCollector();
  await readXml(zip, part, {
    open(name) {
      if (name === 'si') collector.start();
      else collector.open(name);
    },
    text(text) {
      if (!collector.text(text)) refuse(TOO_LONG_IN_FILE);
    },
    close(name) {
      if (name === 'si') strings.push(collector.take() ?? '');
      else collector.close(name);
    },
  });
  return strings;
}

// Built-in number formats that show a date or time: the common ones, and those of Chinese and other East Asian locales.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when, outside quoted text and [brackets], it has a date or time letter (as exceljs decides). */
const isDateFormatCode = (code: string): boolean => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Indexes of the cell styles that show numbers as dates, so those cells read as dates as in exceljs. */
async function readDateStyles(zip: Zip, part: string | undefined): Promise<Set<number>> {
  const dateStyles = new Set<number>();
  if (part === undefined) return dateStyles;
  const customFormats = new Map<number, string>();
  let inCellStyles = false;
  let index = 0;
  await readXml(zip, part, {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellStyles = true;
      else if (name === 'xf' && inCellStyles) {
        const format = Number(attributes.numFmtId ?? 0);
        const code = customFormats.get(format);
        if (code === undefined ? BUILT_IN_DATE_FORMATS.has(format) : isDateFormatCode(code)) dateStyles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellStyles = false;
    },
  });
  return dateStyles;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_DAYS = 1462;
const DAY_MS = 86_400_000;

/** `B12` as a zero-based column index and a row number; undefined when not a cell reference. */
function cellRef(ref: string): { column: number; line: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  let column = 0;
  for (const letter of m[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return { column: column - 1, line: Number(m[2]) };
}

function setCell(cells: unknown[], column: number, value: unknown): void {
  while (cells.length < column) cells.push(null);
  cells[column] = value;
}

/** The row in sheet order whose number is `line`; -1 when none. */
function indexOfLine(rows: readonly SheetRow[], line: number): number {
  let [low, high] = [0, rows.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = rows[mid]!.line;
    if (at === line) return mid;
    if (at < line) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Reads the first sheet, as WPS/Excel show its cells, into the sink. */
async function readSheet(zip: Zip, book: Workbook, sink: SheetSink): Promise<void> {
  const strings = await readSharedStrings(zip, book.sharedStrings);
  const dateStyles = await readDateStyles(zip, book.styles);

  const valueOf = (type: string, raw: string | undefined, text: string | undefined, style: number): unknown => {
    if (type === 'inlineStr') return text ?? null;
    if (raw === undefined || raw === '') return null;
    switch (type) {
      case 's':
        return strings[Number(raw)] ?? null;
      case 'b':
        return raw === '1' || raw === 'true';
      case 'str': // a formula's text result
      case 'e': // an error such as #REF!
        return raw;
      case 'd': // ISO 8601; dates are read as UTC midnights of the shown day
        return /^\d{4}-\d{2}-\d{2}/.test(raw) ? new Date(`${raw.slice(0, 10)}T00:00:00Z`) : raw;
      default: {
        const number = Number(raw);
        if (!Number.isFinite(number)) return raw;
        if (!dateStyles.has(style)) return number;
        return new Date(EXCEL_EPOCH_MS + Math.round((number + (book.date1904 ? EPOCH_1904_DAYS : 0)) * DAY_MS));
      }
    }
  };

  // Merged areas never overlap, so filling them visits each kept cell at most once; more means a broken file.
  let mergeBudget: number | undefined;
  const fillMerged = (ref: string): void => {
    const [from, to] = ref.split(':').map(cellRef);
    if (!from || !to) return;
    let index = indexOfLine(sink.kept, from.line);
    const master = sink.kept[index]?.cells[from.column];
    if (master === null || master === undefined) return;
    mergeBudget ??= sink.kept.length * MAX_COLUMNS;
    const last = Math.min(to.column, MAX_COLUMNS - 1);
    for (let row = sink.kept[index]; row && row.line <= to.line; row = sink.kept[++index]) {
      for (let column = from.column; column <= last; column++) {
        if (--mergeBudget < 0) refuse('合并单元格互相重叠，文件可能已损坏');
        const value = row.cells[column];
        if (value === null || value === undefined) setCell(row.cells, column, master);
      }
    }
  };

  const inline = new TextCollector();
  let stopped = false;
  let line = 0;
  let cells: unknown[] = [];
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number; raw: string | undefined; inRaw: boolean } | undefined;
  await readXml(
    zip,
    book.sheet,
    {
      open(name, attributes) {
        switch (name) {
          case 'row': {
            const r = Number(attributes.r);
            line = Number.isInteger(r) && r > 0 ? r : line + 1;
            cells = [];
            nextColumn = 0;
            break;
          }
          case 'c': {
            const column = (attributes.r ? cellRef(attributes.r)?.column : undefined) ?? nextColumn;
            nextColumn = column + 1;
            cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), raw: undefined, inRaw: false };
            break;
          }
          case 'v':
            if (cell) cell.inRaw = true;
            break;
          case 'is':
            inline.start();
            break;
          case 'mergeCell':
            if (!stopped && attributes.ref) fillMerged(attributes.ref);
            break;
          default:
            inline.open(name);
        }
      },
      text(text) {
        if (!cell) return;
        if (cell.inRaw) cell.raw = (cell.raw ?? '') + text;
        const fits = cell.inRaw ? cell.raw!.length <= MAX_CELL_CHARS : inline.text(text);
        if (!fits) throw new Refusal(cellTooLong(line, cell.column));
      },
      close(name) {
        if (name === 'v' && cell) cell.inRaw = false;
        else if (name === 'c' && cell) {
          const value = valueOf(cell.type, cell.raw, inline.take(), cell.style);
          if (cell.column < MAX_COLUMNS && value !== null && value !== '') setCell(cells, cell.column, value);
          cell = undefined;
        } else if (name === 'row' && cells.length > 0 && !stopped) stopped = !sink.add({ line, cells });
        else inline.close(name);
      },
      tooLong: () => (cell ? cellTooLong(line, cell.column) : { line: 0, message: TOO_LONG_IN_FILE }),
    },
    () => stopped,
  );
}

/** Reads the first sheet of an xlsx file into the sink; an answer when the file cannot be read or is refused. */
export async function readXlsx(bytes: Buffer, sink: SheetSink): Promise<RegistryError | undefined> {
  const unreadable = { line: 0, message: '无法打开 xlsx 文件，可能已损坏或不是 Excel 文件' };
  try {
    const zip = Zip.open(bytes);
    const book = await readWorkbook(zip);
    if (!book) return unreadable;
    await readSheet(zip, book, sink);
    return undefined;
  } catch (err) {
    if (err instanceof Refusal) return err.error;
    if (err instanceof EntryTooLarge) {
      return { line: 0, message: `文件解压后过大（${err.entry} 超过 ${MAX_PART_BYTES / 1024 / 1024} MB），不像是项目台账，请检查文件` };
    }
    if (err instanceof ZipError || err instanceof XmlError) return unreadable;
    throw err;
  }
}
