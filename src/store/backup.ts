import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, type Db } from './db';

/**
 * Copies a live database to `file` with SQLite's online backup: a consistent snapshot even while the
 * bot writes, taken page by page so the bot is never blocked for long. Written beside its target
 * first and renamed, so a half-written copy never carries the final name.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    await db.backup(partial);
    // The copy keeps the live file's WAL mode; in rollback mode it is one self-contained file, and
    // reading it (to check it, or later) leaves no -wal and -shm files beside it.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export type BackupCheck = { ok: true; version: number } | { ok: false; problem: string };

/** Whether a file is a whole Rishai database this build can open: SQLite's integrity check and the schema version. */
export function checkBackup(file: string): BackupCheck {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, problem: `无法打开：${(err as Error).message}` };
  }
  try {
    const result = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return { ok: false, problem: `完整性检查未通过：${problems.slice(0, 3).join('；')}` };
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasProjects = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projects'").get();
    if (version < 1 || !hasProjects) return { ok: false, problem: '不是 Rishai 的数据库' };
    if (version > latestVersion()) return { ok: false, problem: `数据库版本 ${version} 高于本程序支持的 ${latestVersion()}，请升级 Rishai` };
    return { ok: true, version };
  } catch (err) {
    return { ok: false, problem: `不是有效的数据库文件（${(err as Error).message}）` };
  } finally {
    db.close();
  }
}
