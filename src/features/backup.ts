import fs from 'node:fs';
import path from 'node:path';
import type { Stores } from '../store/stores';
import { checkBackup } from '../store/backup';
import { shanghaiIso } from '../time/clock';
import { backupMissing, restoreTargetExists, restoredCopyBad } from '../text/backup';

/** Daily backups kept unless configured otherwise: two weeks of workdays and weekends alike. */
export const DEFAULT_BACKUP_KEEP = 14;

const NAME = /^rishai-(\d{8}-\d{6})\.db$/;

/** `rishai-20261204-021500.db`: Shanghai time, so names sort by when they were taken. */
export function backupName(now: Date): string {
  const t = shanghaiIso(now);
  return `rishai-${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}.db`;
}

export type BackupResult = { ok: true; file: string; bytes: number; removed: string[] } | { ok: false; problem: string };

/**
 * Takes a backup into `dir`, checks it, and keeps the newest `keep` backups there (0 keeps all).
 * A copy that fails its check is removed and reported, and nothing older is pruned on its account.
 */
export async function takeBackup(s: Pick<Stores, 'backupTo'>, dir: string, now: Date, keep = 0): Promise<BackupResult> {
  const file = path.join(dir, backupName(now));
  await s.backupTo(file);
  const check = checkBackup(file);
  if (!check.ok) {
    fs.rmSync(file, { force: true });
    return { ok: false, problem: check.problem };
  }
  return { ok: true, file, bytes: fs.statSync(file).size, removed: keep > 0 ? pruneBackups(dir, keep) : [] };
}

/** Removes all but the newest `keep` of our backups in `dir`; other files there are never touched. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse();
  const removed = ours.slice(keep).map((f) => path.join(dir, f));
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

export type RestoreResult = { ok: true; target: string; version: number } | { ok: false; problem: string };

/**
 * Restores a backup into a new database file, never over an existing one: the live database stays as
 * it is until an operator stops the bot and puts the restored file in its place.
 */
export function restoreBackup(source: string, target: string): RestoreResult {
  if (!fs.existsSync(source)) return { ok: false, problem: backupMissing(source) };
  if (fs.existsSync(target)) return { ok: false, problem: restoreTargetExists(target) };
  const check = checkBackup(source);
  if (!check.ok) return { ok: false, problem: `${source} ${check.problem}` };
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  // Exclusive create: a file that appeared meanwhile is not overwritten either.
  fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  const again = checkBackup(target);
  if (!again.ok) {
    fs.rmSync(target, { force: true });
    return { ok: false, problem: restoredCopyBad(again.problem) };
  }
  return { ok: true, target, version: check.version };
}
