import fs from 'node:fs';
import path from 'node:path';
import { Harness } from '../support/harness';
import { outboxKey } from '../../src/domain/outbox';
import { Scheduler } from '../../src/schedule/scheduler';
import { ScheduleStore } from '../../src/store/schedule';
import { silentLogger } from '../../src/log/log';

const GROUP = '化工项目工作群';

describe('failures the admins are told of', () => {
  let h: Harness;
  let external: string[];
  beforeEach(async () => {
    external = [];
    h = await new Harness('2026-11-24T17:00:00+08:00').start(['李主任'], { alert: { send: async (text) => void external.push(text) } });
    h.world.room(GROUP, ['张三', '李主任']);
    // The admin becomes a known contact by speaking; alerts go to them in private.
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
  });
  afterEach(() => h.stop());

  const privateTo = (name: string) => h.world.sent.filter((s) => s.to === name).map((s) => s.text);

  it('a job that fails: in private and on the external channel, once for each failed run', async () => {
    // The backups' folder is taken by a file, so the nightly backup cannot write.
    fs.writeFileSync(path.join(h.dir, 'backups'), '');
    h.clock.set('2026-11-25T02:30:00+08:00');
    await h.app.scheduler.tick();
    h.clock.set('2026-11-25T02:31:00+08:00');
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    expect(privateTo('李主任')).toEqual([expect.stringMatching(/^【日晒告警】日程「备份」（2026-11-25）运行失败：.*其他日程照常运行/)]);
    expect(external).toEqual(privateTo('李主任'));
    expect(h.db.prepare("SELECT status FROM job_runs WHERE job = 'backup'").pluck().all()).toEqual(['failed']);

    h.clock.set('2026-11-26T02:30:00+08:00');
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    expect(privateTo('李主任')).toHaveLength(2);
  });

  it('messages given up on after their retries: told once a day, not once a message', async () => {
    const admin = h.app.stores.people.listAdmins()[0]!;
    // A group the bot was removed from: its room cannot be found any more.
    const gone = h.app.stores.groups.ensure('room-that-is-gone', '已解散的群', h.clock.now());
    for (const n of [1, 2, 3]) {
      h.app.stores.outbox.enqueue({ key: outboxKey.reply(9000 + n, 1), target: { groupId: gone.id }, text: `无法送达 ${n}` }, h.clock.now());
    }
    for (let i = 0; i < 10; i++) {
      h.clock.set(new Date(h.clock.now().getTime() + 2 * 3_600_000));
      await h.app.sender.drain();
    }
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'failed'").pluck().get()).toBe(3);
    expect(privateTo(admin.name)).toEqual([expect.stringContaining('有消息多次发送失败，已停止重试')]);
    expect(external).toHaveLength(1);
  });

  it('low disk where the data lives: once a day', async () => {
    const low = () => ({ bavail: 100, blocks: 1_000_000, bsize: 4096 });
    const plenty = () => ({ bavail: 900_000, blocks: 1_000_000, bsize: 4096 });
    h.app.failures.checkDisk(h.dir, h.clock.now(), plenty);
    h.app.failures.checkDisk(h.dir, h.clock.now(), low);
    h.app.failures.checkDisk(h.dir, h.clock.now(), low);
    await h.app.sender.drain();
    expect(privateTo('李主任')).toEqual([`【日晒告警】数据目录 ${h.dir} 所在磁盘只剩 0 MB（0.0%），请尽快清理或扩容，否则日报和备份可能无法保存。`]);
    expect(external).toHaveLength(1);
  });
});

describe('a failure that cannot be told', () => {
  it('does not stop the scheduler: later slots still run', async () => {
    const h = await new Harness('2026-11-24T17:00:00+08:00').start();
    try {
      const runs: string[] = [];
      const scheduler = new Scheduler(new ScheduleStore(h.db), () => true, h.clock, silentLogger, {
        backup: async (slot) => {
          runs.push(slot.date);
          throw new Error('disk full');
        },
      }, () => {
        throw new Error('the database is locked');
      });
      for (const day of ['25', '26']) {
        h.clock.set(`2026-11-${day}T02:30:00+08:00`);
        await scheduler.tick();
      }
      expect(runs).toEqual(['2026-11-25', '2026-11-26']);
      scheduler.stop();
    } finally {
      await h.stop();
    }
  });
});
