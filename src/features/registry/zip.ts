import zlib from 'node:zlib';

/**
 * Just enough of the zip format to read an xlsx held in memory: the central directory, and one entry's
 * bytes inflated as a stream that stops at a size cap, so a zip bomb costs no more than the cap.
 */

/** The file is not a zip we can read (corrupt, encrypted, or not a zip at all). */
export class ZipError extends Error {}

/** An entry inflates (or says it inflates) to more than the caller's cap. */
export class EntryTooLarge extends Error {
  constructor(readonly entry: string) {
    super(`${entry} inflates past the cap`);
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  /** As the central directory declares it; inflating checks the real size too. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x1;
const STORED_CHUNK_BYTES = 64 * 1024;

export class Zip {
  private constructor(
    private readonly bytes: Buffer,
    private readonly entries: Map<string, Entry>,
  ) {}

  static open(bytes: Buffer): Zip {
    const entries = new Map<string, Entry>();
    const end = findEndOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('bad central directory');
      const flags = bytes.readUInt16LE(at + 8);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      if (flags & FLAG_ENCRYPTED) throw new ZipError(`${name} is encrypted`);
      const entry: Entry = {
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        localOffset: bytes.readUInt32LE(at + 42),
      };
      readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
      entries.set(name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return new Zip(bytes, entries);
  }

  /** The entry's bytes in chunks; throws EntryTooLarge once it declares or inflates to more than `maxBytes`. */
  async *read(name: string, maxBytes: number): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipError(`no ${name}`);
    if (entry.size > maxBytes) throw new EntryTooLarge(name);
    const data = this.dataOf(name, entry);
    if (entry.method === STORED) {
      if (data.length > maxBytes) throw new EntryTooLarge(name);
      // In pieces like inflated data, so the caller can stop part way.
      for (let at = 0; at < data.length; at += STORED_CHUNK_BYTES) yield data.subarray(at, at + STORED_CHUNK_BYTES);
      return;
    }
    if (entry.method !== DEFLATED) throw new ZipError(`${name} uses compression method ${entry.method}`);
    // Inflating honours back-pressure, so only what the caller has not consumed yet sits in memory.
    const inflate = zlib.createInflateRaw();
    inflate.end(data);
    let total = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw new EntryTooLarge(name);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof EntryTooLarge) throw err;
      throw new ZipError(`${name}: ${(err as Error).message}`);
    } finally {
      inflate.destroy();
    }
  }

  private dataOf(name: string, entry: Entry): Buffer {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw new ZipError(`bad local header for ${name}`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.bytes.length) throw new ZipError(`${name} is truncated`);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 64 KiB, at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipError('not a zip file');
}

/** Sizes and offset too big for 32 bits are in the zip64 extra field, in this order, when their field is all ones. */
function readZip64Extra(extra: Buffer, entry: Entry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw new ZipError('bad zip64 field');
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}
