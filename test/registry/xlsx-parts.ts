import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Writes xlsx files part by part, for what exceljs will not write: a sheet past the reader's limits, a zip
 * that understates its sizes, overlapping merges, prefixed element names. Only the parts a reader opens.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface Part {
  name: string;
  /** The part's bytes; when given as compressed, `size` and `crc` describe the inflated bytes. */
  data: Buffer | { deflated: Buffer; size: number; crc: number };
  /** The uncompressed size the zip declares, if not the true one. */
  declaredSize?: number;
}

/** A zip of the parts, deflated. */
export function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const { deflated, size, crc } = Buffer.isBuffer(part.data)
      ? { deflated: zlib.deflateRawSync(part.data), size: part.data.length, crc: crc32(part.data) }
      : part.data;
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The workbook parts around one sheet. */
export function workbookParts(sheet: Part['data'], declaredSize?: number): Part[] {
  return [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize },
  ];
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rows of inline-string cells from row 1 on, as `<row>` elements; `prefix` as some writers put on every element. */
export function rowsXml(rows: readonly (readonly string[])[], prefix = ''): string {
  return rows
    .map((cells, r) => {
      const cs = cells.map((text, c) => `<${prefix}c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><${prefix}is><${prefix}t>${escapeXml(text)}</${prefix}t></${prefix}is></${prefix}c>`);
      return `<${prefix}row r="${r + 1}">${cs.join('')}</${prefix}row>`;
    })
    .join('');
}

export function sheetXml(rows: string, after = '', prefix = ''): Buffer {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns';
  return Buffer.from(`<${prefix}worksheet ${ns}="${MAIN}"><${prefix}sheetData>${rows}</${prefix}sheetData>${after}</${prefix}worksheet>`);
}

/** Writes an xlsx holding `sheet` as its only sheet. */
export function writeSheet(file: string, sheet: Part['data'], declaredSize?: number): string {
  fs.writeFileSync(file, zip(workbookParts(sheet, declaredSize)));
  return file;
}
