import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { MAX_CELL_CHARS, MAX_COLUMNS, cellTooLong, type RegistryError, type SheetSink } from './sheet';

/** UTF-8 when the bytes are valid UTF-8, else GBK as WPS saves on Chinese Windows (GB18030 is its superset). */
function decodeCsv(bytes: Buffer): string {
  const text = isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
  return text.replace(/^\uFEFF/, '');
}

const CHUNK_BYTES = 64 * 1024;

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/**
 * Hands the sink each record, numbered as WPS numbers rows (blank lines count, a multi-line cell is one row).
 * The text goes to the parser in chunks so that it parses only as far as the sink reads.
 */
export async function readCsv(bytes: Buffer, sink: SheetSink): Promise<RegistryError | undefined> {
  const parser = Readable.from(chunks(Buffer.from(decodeCsv(bytes)))).pipe(
    parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      const cells = record.slice(0, MAX_COLUMNS);
      const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
      // A stray quote runs a cell on over the following lines.
      if (long !== -1) return cellTooLong(line, long, cells[long]?.includes('\n') ? '可能是引号不成对' : undefined);
      if (!sink.add({ line, cells })) break;
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const where = err.lines ? `第${err.lines}行附近 ` : '';
    const what = err.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号不成对' : err.code;
    return { line: 0, message: `${where}CSV 格式有误（${what}），请用 WPS 或 Excel 重新另存为 CSV` };
  }
  return undefined;
}
