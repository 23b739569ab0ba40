import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationPlan, openDb } from '../../src/store/db';
import { OutboxStore } from '../../src/store/outbox';
import { outboxKey, type OutboxItem } from '../../src/domain/outbox';
import { OutboxSender } from '../../src/outbox/sender';
import { ManualClock } from '../../src/time/clock';
import { silentLogger } from '../../src/log/log';

const SLOT = '2026-11-24T20:00:00+08:00';
const MIGRATIONS = path.join(__dirname, '..', '..', 'src', 'store', 'migrations');
/** The last schema before items had a kind. */
const BEFORE_KINDS = 16;

describe('outbox keys', () => {
  it('are the strings earlier builds queued, so nothing queued before an upgrade is sent again', () => {
    expect([
      outboxKey.reply(42, 1),
      outboxKey.comment(42, 3),
      outboxKey.closed(42, 3),
      outboxKey.job('dailyBoard', SLOT, { groupId: 3 }),
      outboxKey.job('leaderDigest', SLOT, { personId: 7 }),
      outboxKey.job('monthlyBulletin', SLOT, { groupId: 3 }, 'png'),
      outboxKey.job('problems', SLOT, { groupId: 3 }, 'letter', 5),
      outboxKey.dispatch('warnings', SLOT, 3),
      outboxKey.nudge('commentPrompt', '2026-11-24', 7),
      outboxKey.unresolvedGroup(3, '2026-11-24', 1),
    ]).toEqual([
      { kind: 'reply', value: 'reply:42:1' },
      { kind: 'reply', value: 'comment:42:g3' },
      { kind: 'reply', value: 'close:42:g3' },
      { kind: 'scheduled', value: `job:dailyBoard:${SLOT}:g3` },
      { kind: 'scheduled', value: `job:leaderDigest:${SLOT}:p7` },
      { kind: 'scheduled', value: `job:monthlyBulletin:${SLOT}:g3:png` },
      { kind: 'scheduled', value: `job:problems:${SLOT}:g3:letter:5` },
      { kind: 'scheduled', value: `job:warnings:${SLOT}:dispatch:g3` },
      { kind: 'scheduled', value: 'job:commentPrompt:nudge:2026-11-24:p7' },
      { kind: 'alert', value: 'rebind:3:2026-11-24:1' },
    ]);
  });

  describe('of items an older build queued', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-outbox-keys-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A database the build before kinds left with these items pending, upgraded by opening it. */
    function upgraded(keys: string[]) {
      const file = path.join(dir, 'r.db');
      const old = new Database(file);
      for (const m of migrationPlan(fs.readdirSync(MIGRATIONS)).filter((m) => m.version <= BEFORE_KINDS)) {
        old.exec(fs.readFileSync(path.join(MIGRATIONS, m.file), 'utf8'));
      }
      old.pragma(`user_version = ${BEFORE_KINDS}`);
      old.prepare("INSERT INTO groups (id, puppet_room_id, topic, created_at) VALUES (3, 'r@chatroom', '群', '2026-11-24T00:00:00+08:00')").run();
      old.prepare("INSERT INTO persons (id, puppet_contact_id, name, is_admin, created_at) VALUES (1, 'wxid_admin', '管理员', 1, '2026-11-24T00:00:00+08:00')").run();
      const insert = old.prepare(
        `INSERT INTO outbox (key, group_id, person_id, text, mentions, next_attempt_at, created_at) VALUES (?, ?, ?, ?, '[]', '${SLOT}', '${SLOT}')`,
      );
      for (const key of keys) insert.run(key, key.startsWith('rebind:') ? null : 3, key.startsWith('rebind:') ? 1 : null, key);
      old.close();
      return openDb(file);
    }

    it('are recognised when queued again, and keep their kind', async () => {
      const keys = [outboxKey.job('dailyBoard', SLOT, { groupId: 3 }), outboxKey.reply(42, 0), outboxKey.unresolvedGroup(3, '2026-11-24', 1)];
      const db = upgraded(keys.map((k) => k.value));
      const store = new OutboxStore(db);
      const now = new Date('2026-11-24T23:10:00+08:00');
      for (const key of keys) expect(store.enqueue({ key, target: { groupId: 3 }, text: 'again' }, now)).toBe(false);

      // Inside the quiet hours the old job message waits; the old reply and alert go.
      const clock = new ManualClock(now.getTime());
      const sent: OutboxItem[] = [];
      const transport = { isLoggedIn: () => true, send: async (item: OutboxItem) => void sent.push(item) };
      const quietHours = { start: 22 * 60, end: 7 * 60 + 30 };
      const sender = new OutboxSender(store, transport, clock, silentLogger, { gapMs: 0, jitterMs: 0, perMinute: 100, quietHours });
      await sender.drain();
      expect(sent.map((i) => [i.key, i.kind, i.text])).toEqual([
        [keys[1]!.value, 'reply', keys[1]!.value],
        [keys[2]!.value, 'alert', keys[2]!.value],
      ]);
      expect(store.statusOf(keys[0]!)).toBe('pending');
      db.close();
    });
  });
});
