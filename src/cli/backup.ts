import path from 'node:path';
import type { CliIo } from './index';
import { withCliDb } from './db';
import { createStores } from '../store/stores';
import { restoreBackup, takeBackup } from '../features/backup';
import { systemClock } from '../time/clock';

const BACKUP_USAGE = '用法：rishai backup --out 备份目录 [--db data/rishai.db]';
const RESTORE_USAGE = '用法：rishai restore 备份文件 [--db 新数据库文件]（只写入新文件，不覆盖现有数据库）';

/** `rishai backup --out DIR`: a consistent copy of the database, safe while the bot runs. */
export async function runBackup(dbFile: string, out: string | undefined, io: CliIo): Promise<number> {
  if (!out) {
    io.err(BACKUP_USAGE);
    return 2;
  }
  return withCliDb(dbFile, 'read', io, async (db) => {
    const r = await takeBackup(createStores(db), out, systemClock.now());
    if (!r.ok) {
      io.err(`备份未完成：${r.problem}`);
      return 1;
    }
    io.out(`已备份到 ${r.file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，完整性检查通过）。`);
    return 0;
  });
}

/** Where a restore goes when no --db is named: beside the default database, never onto it. */
export function restoreTarget(backup: string, dbFile: string): string {
  return path.join(path.dirname(dbFile), `restored-${path.basename(backup)}`);
}

/** `rishai restore FILE [--db NEW]`: checks a backup and copies it into a new database file. */
export function runRestore(target: string, args: string[], io: CliIo): number {
  const [file] = args;
  if (!file || args.length > 1) {
    io.err(RESTORE_USAGE);
    return 2;
  }
  const r = restoreBackup(file, target);
  if (!r.ok) {
    io.err(`未恢复：${r.problem}。`);
    return 1;
  }
  io.out(`已将备份恢复到 ${r.target}（数据库版本 ${r.version}，完整性检查通过）。`);
  io.out(`启用方法：先停止机器人，再把 ${r.target} 改名为正在使用的数据库文件（或在 .env 里把 RISHAI_DB 指向它），然后启动。`);
  return 0;
}
