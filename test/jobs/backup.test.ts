import fs from 'node:fs';
import path from 'node:path';
import { Harness } from '../support/harness';
import { checkBackup } from '../../src/store/backup';

describe('the nightly backup', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-20T17:00:00+08:00').start();
  });
  afterEach(() => h.stop());

  const backups = () => path.join(h.dir, 'backups');

  it('copies the database at 2:30 every night, weekends too, and keeps the newest 14', async () => {
    h.world.room('化工项目工作群', ['张三', '李主任']);
    await h.say('李主任', '化工项目工作群', '#绑定 精细化工中间体项目');
    for (let day = 21; day <= 30; day++) {
      h.clock.set(`2026-11-${day}T02:30:00+08:00`);
      await h.app.scheduler.tick();
    }
    for (let day = 1; day <= 6; day++) {
      h.clock.set(`2026-12-0${day}T02:30:00+08:00`);
      await h.app.scheduler.tick();
    }
    const files = fs.readdirSync(backups()).sort();
    // 16 nights, from Sat 21 Nov to Sun 6 Dec: the oldest two are pruned.
    expect(files).toHaveLength(14);
    expect(files[0]).toBe('rishai-20261123-023000.db');
    expect(files.at(-1)).toBe('rishai-20261206-023000.db');
    const last = path.join(backups(), files.at(-1)!);
    expect(checkBackup(last)).toEqual({ ok: true, version: expect.any(Number) });
    expect(h.db.prepare("SELECT status FROM job_runs WHERE job = 'backup' ORDER BY slot").pluck().all()).toEqual(Array(16).fill('done'));
  });

  it('runs at once from the sandbox command, as every job does', async () => {
    await h.app.scheduler.runNow('backup');
    expect(fs.readdirSync(backups())).toEqual(['rishai-20261120-170000.db']);
  });
});
