import fs from 'node:fs';
import path from 'node:path';
import { DatabaseNeedsUpgradeError, DatabaseTooNewError, latestVersion, openDb, openDbReadOnly, schemaVersion, type Db } from '../store/db';

/**
 * How a command uses the database:
 * - `create`: may make a new one (import, simulate);
 * - `write`: changes an existing one (schedule set, calendar add …); a new one only with --init;
 * - `read`: only reads: opened read-only, so a copy on read-only media, or the bot's own file, is read
 *   as it is (an older schema is first brought up to date where the file can be written);
 * - `summarise`: reads, and saves the month summaries it recounts where the file can be written
 *   (bulletin); read-only otherwise.
 */
export type DbUse = 'create' | 'write' | 'read' | 'summarise';

export type OpenedDb = { ok: true; db: Db } | { ok: false; message: string };

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    // WAL mode keeps its -wal and -shm files beside the database.
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readOnly(file: string, use: DbUse): boolean {
  if (use === 'summarise') return !writable(file);
  if (use !== 'read') return false;
  // An older schema is upgraded by a read-write open where that is possible; read-only it would be refused.
  return !writable(file) || schemaVersion(file) >= latestVersion();
}

/** Opens the database a command names, or says in one line why not: a user's mistake is no stack trace. */
export function openCliDb(file: string, use: DbUse): OpenedDb {
  const exists = file === ':memory:' || fs.existsSync(file);
  if (!exists && use !== 'create') {
    return {
      ok: false,
      message: `数据库文件 ${file} 不存在。请检查 --db 路径；要新建数据库，请先导入台账（rishai import 台账.xlsx --db ${file}），或加 --init。`,
    };
  }
  if (exists && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) return { ok: false, message: `${file} 是文件夹，不是数据库文件。` };
  try {
    return { ok: true, db: exists && readOnly(file, use) ? openDbReadOnly(file) : openDb(file) };
  } catch (err) {
    const message = openFailure(file, err);
    if (message === null) throw err;
    return { ok: false, message };
  }
}

/** What went wrong in words, for the failures a user can cause; null for the rest (bugs). */
export function openFailure(file: string, err: unknown): string | null {
  if (err instanceof DatabaseTooNewError || err instanceof DatabaseNeedsUpgradeError) return err.message;
  // By name, not instanceof: the native addon keeps the SqliteError class of whichever copy of the
  // module loaded it first, in whichever realm that was (test runners load several).
  const e = err as { name?: unknown; code?: unknown } | null;
  if (typeof e !== 'object' || e === null || e.name !== 'SqliteError') return null;
  switch (e.code) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${file} 不是 Rishai 数据库（SQLite 文件），或文件已损坏。`;
    case 'SQLITE_CANTOPEN':
      return `无法打开数据库文件 ${file}，请检查路径和权限。`;
    case 'SQLITE_READONLY':
      return `数据库文件 ${file} 是只读的，这个命令需要写入。`;
    case 'SQLITE_BUSY':
      return `数据库 ${file} 正被其他程序长时间占用，请稍后再试。`;
    default:
      return null;
  }
}

/** Runs `run` over the database a command names, then closes it; one that cannot be opened is one line on stderr and exit 1. */
export async function withCliDb(file: string, use: DbUse, io: { err: (s: string) => void }, run: (db: Db) => number | Promise<number>): Promise<number> {
  const opened = openCliDb(file, use);
  if (!opened.ok) {
    io.err(opened.message);
    return 1;
  }
  try {
    return await run(opened.db);
  } finally {
    opened.db.close();
  }
}
