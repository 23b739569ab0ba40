import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli, type CliIo } from '../../src/cli/index';
import { backupName, pruneBackups, takeBackup } from '../../src/features/backup';
import { checkBackup } from '../../src/store/backup';
import { openDb } from '../../src/store/db';
import { createStores } from '../../src/store/stores';
import { Harness } from '../support/harness';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
  return { code: await runCli(args, io), out, err };
}

const GROUP = '化工项目工作群';

describe('backup and restore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-backup-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backs up the database a running bot uses, with its reports, and restores it into a new file', async () => {
    const h = await new Harness().start();
    try {
      h.world.room(GROUP, ['张三', '李主任']);
      await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
      await h.say('张三', GROUP, '#日报\n形象进度：40%\n施工人数：64人');
      const backup = await cli(['backup', '--out', path.join(dir, 'b'), '--db', h.dbFile]);
      expect(backup.code).toBe(0);
      const [file] = fs.readdirSync(path.join(dir, 'b'));
      expect(file).toMatch(/^rishai-\d{8}-\d{6}\.db$/);
      expect(backup.out[0]).toContain('完整性检查通过');

      const live = fs.readFileSync(h.dbFile);
      const target = path.join(dir, 'restored.db');
      const restore = await cli(['restore', path.join(dir, 'b', file!), '--db', target]);
      expect(restore.code).toBe(0);
      expect(restore.out[1]).toContain('先停止机器人');
      const db = openDb(target);
      expect(db.prepare('SELECT progress_percent, workers FROM reports').all()).toEqual([{ progress_percent: 40, workers: 64 }]);
      db.close();
      expect(fs.readFileSync(h.dbFile).equals(live)).toBe(true);
    } finally {
      await h.stop();
    }
  });

  it('takes a whole copy while another connection keeps writing', async () => {
    const file = path.join(dir, 'live.db');
    const writer = openDb(file);
    const insert = writer.prepare("INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, 'v', 'test', '2026-12-04T10:00:00+08:00')");
    for (let i = 0; i < 2000; i++) insert.run(String(i));
    const reader = openDb(file);
    const copy = takeBackup(createStores(reader), path.join(dir, 'b'), new Date('2026-12-04T02:00:00Z'));
    // Writes land between the backup's steps: SQLite restarts the copy, so it still comes out whole.
    for (let i = 0; i < 50; i++) {
      insert.run(`late-${i}`);
      await new Promise((r) => setImmediate(r));
    }
    const r = await copy;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(checkBackup(r.file)).toEqual({ ok: true, version: expect.any(Number) });
    const snap = new Database(r.file, { readonly: true });
    expect(snap.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBeGreaterThanOrEqual(2000);
    snap.close();
    reader.close();
    writer.close();
  });

  it('keeps the newest backups and leaves other files alone', () => {
    const b = path.join(dir, 'b');
    fs.mkdirSync(b);
    const days = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'];
    for (const d of days) fs.writeFileSync(path.join(b, backupName(new Date(`${d}T02:00:00+08:00`))), '');
    fs.writeFileSync(path.join(b, 'notes.txt'), '');
    expect(pruneBackups(b, 2).map((f) => path.basename(f))).toEqual(['rishai-20261130-020000.db', 'rishai-20261129-020000.db', 'rishai-20261128-020000.db']);
    expect(fs.readdirSync(b).sort()).toEqual(['notes.txt', 'rishai-20261201-020000.db', 'rishai-20261202-020000.db']);
  });

  it('never restores over an existing database, and refuses a damaged or foreign file', async () => {
    const live = path.join(dir, 'rishai.db');
    openDb(live).close();
    const before = fs.readFileSync(live);
    const good = path.join(dir, 'good.db');
    fs.copyFileSync(live, good);
    const over = await cli(['restore', good, '--db', live]);
    expect(over.code).toBe(1);
    expect(over.err[0]).toContain('不覆盖现有数据库');
    expect(fs.readFileSync(live).equals(before)).toBe(true);

    const torn = path.join(dir, 'torn.db');
    fs.writeFileSync(torn, before.subarray(0, Math.floor(before.length / 2)));
    const r1 = await cli(['restore', torn, '--db', path.join(dir, 'new1.db')]);
    expect(r1.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'new1.db'))).toBe(false);

    const foreign = path.join(dir, 'other.db');
    new Database(foreign).exec('CREATE TABLE t (x)');
    const r2 = await cli(['restore', foreign, '--db', path.join(dir, 'new2.db')]);
    expect(r2.err[0]).toContain('不是 Rishai 的数据库');

    expect((await cli(['restore'])).code).toBe(2);
    expect((await cli(['backup', '--db', live])).code).toBe(2);
  });

  it('restores next to the default database when no --db is named', async () => {
    const cwd = process.cwd();
    const live = path.join(dir, 'data', 'rishai.db');
    fs.mkdirSync(path.dirname(live));
    openDb(live).close();
    const db = openDb(live);
    const b = await takeBackup(createStores(db), path.join(dir, 'b'), new Date('2026-12-04T02:00:00Z'));
    db.close();
    if (!b.ok) throw new Error(b.problem);
    process.chdir(dir);
    try {
      const r = await cli(['restore', b.file]);
      expect(r.code).toBe(0);
      expect(fs.existsSync(path.join(dir, 'data', `restored-${path.basename(b.file)}`))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
