import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdmin } from '../../src/cli/admin';
import type { CliIo } from '../../src/cli/index';
import { redeemAdminCode } from '../../src/features/admins';
import { openDb, type Db } from '../../src/store/db';
import { createStores } from '../../src/store/stores';
import { ManualClock } from '../../src/time/clock';

describe('rishai admin: rights bound to the contact that sends a one-time code', () => {
  let dir: string;
  let dbFile: string;
  let db: Db;
  const clock = new ManualClock('2026-12-04T10:00:00+08:00');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-admin-'));
    dbFile = path.join(dir, 'r.db');
    db = openDb(dbFile);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
    const code = await runAdmin(dbFile, args, io, clock);
    return { code, out, err };
  }

  it('issues a code that makes the contact who sends it an admin, once', async () => {
    const added = await run('add', '李主任');
    expect(added.code).toBe(0);
    const code = /验证码：([2-9A-Z]{8})/.exec(added.out[0]!)![1]!;
    expect(added.out[1]).toContain(`#验证 ${code}`);
    // Only its hash is kept.
    expect(JSON.stringify(db.prepare('SELECT * FROM admin_codes').all())).not.toContain(code);

    const s = createStores(db);
    const real = s.people.see('wxid-real', '李主任', clock.now());
    const impostor = s.people.see('wxid-copy', '李主任', clock.now());
    expect(redeemAdminCode(s, real, code.toLowerCase().replace(/(.{4})/, '$1 '), clock.now())).toEqual({ ok: true, forName: '李主任' });
    expect(redeemAdminCode(s, impostor, code, clock.now())).toEqual({ ok: false, why: 'used' });
    expect(s.people.get(real.id)!.isAdmin).toBe(true);
    expect(s.people.get(impostor.id)!.isAdmin).toBe(false);

    // A new nickname does not move the right.
    s.people.see('wxid-real', '老李', clock.now());
    expect(s.people.get(real.id)!.isAdmin).toBe(true);

    const list = await run('list');
    expect(list.out).toEqual([`${real.id}\t老李\t验证码`]);
    const removed = await run('remove', String(real.id));
    expect(removed.out[0]).toContain('已取消 老李');
    expect(s.people.get(real.id)!.isAdmin).toBe(false);
  });

  it('refuses a code that is unknown or has expired', async () => {
    const code = /验证码：(\w+)/.exec((await run('add', '王科长')).out[0]!)![1]!;
    const s = createStores(db);
    const p = s.people.see('wxid-wang', '王科长', clock.now());
    expect(redeemAdminCode(s, p, 'ABCDEFGH', clock.now())).toEqual({ ok: false, why: 'unknown' });
    expect(redeemAdminCode(s, p, code, new Date(clock.now().getTime() + 25 * 3_600_000))).toEqual({ ok: false, why: 'expired' });
    expect(s.people.get(p.id)!.isAdmin).toBe(false);
    expect((await run('remove', '999')).code).toBe(1);
    // A right that follows the configuration is removed there, or it would come back.
    const configured = s.people.see('wxid-zhao', '赵主任', clock.now(), ['赵主任']);
    const refused = await run('remove', String(configured.id));
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toContain('RISHAI_ADMINS');
    expect(s.people.get(configured.id)!.isAdmin).toBe(true);
    expect((await run('frobnicate')).code).toBe(2);
  });
});
