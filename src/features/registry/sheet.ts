/** What the readers of a registry file share: rows as read, where they go, and the limits of reading. */

/** `line` is the row number shown by WPS/Excel (header row is 1); 0 means the file as a whole. */
export interface RegistryError {
  line: number;
  message: string;
}

/** A row as read from a file: its number as WPS/Excel shows it, and its cells from column A on. */
export interface SheetRow {
  line: number;
  cells: unknown[];
}

/** Takes a file's rows in order as a reader finds them. */
export interface SheetSink {
  /** Takes the next row; false when the rest of the file need not be read. */
  add(row: SheetRow): boolean;
  /** The data rows kept so far, in sheet order; the xlsx reader fills merged cells into them. */
  readonly kept: readonly SheetRow[];
}

/** Larger files are refused before reading; a registry of 10,000 projects is well under 5 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Projects one import takes; more is refused, so the chat bot's name matching stays quick. */
export const MAX_DATA_ROWS = 10_000;

/** Columns read (A to CV); cells further right are ignored like any unknown column. */
export const MAX_COLUMNS = 100;

/** Excel's own limit for a cell: a longer one comes from a broken or crafted file, and reading stops there. */
export const MAX_CELL_CHARS = 32_767;

/** Column letters as WPS/Excel show them: 0 is A, 26 is AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell over MAX_CELL_CHARS; `hint` says what else may be wrong. */
export function cellTooLong(line: number, column: number, hint = '文件可能已损坏'): RegistryError {
  return { line, message: `第${line}行 ${columnLetters(column)}列 单元格超过 ${MAX_CELL_CHARS} 字（Excel 单元格的上限），${hint}，已停止读取` };
}

export const fileError = (message: string): { ok: false; errors: RegistryError[] } => ({ ok: false, errors: [{ line: 0, message }] });
