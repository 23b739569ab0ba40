import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../src/store/db';
import { OutboxStore } from '../../src/store/outbox';
import { outboxKey, type OutboxItem, type OutboxKey } from '../../src/domain/outbox';
import { OutboxSender, type Transport } from '../../src/outbox/sender';
import { ManualClock } from '../../src/time/clock';
import { silentLogger } from '../../src/log/log';

/** A WeChat connection whose answers the test decides. */
class ScriptedTransport implements Transport {
  loggedIn = true;
  sent: { text: string; at: number }[] = [];
  failures: string[] = [];
  constructor(private clock: ManualClock) {}
  isLoggedIn() {
    return this.loggedIn;
  }
  async send(item: OutboxItem) {
    const failure = this.failures.shift();
    if (failure) throw new Error(failure);
    this.sent.push({ text: item.text, at: this.clock.now().getTime() });
  }
}

describe('outbox', () => {
  let dir: string;
  let db: Db;
  let store: OutboxStore;
  let clock: ManualClock;
  let transport: ScriptedTransport;
  const T0 = new Date('2026-11-24T16:00:00+08:00').getTime();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-outbox-'));
    db = openDb(path.join(dir, 'r.db'));
    db.prepare("INSERT INTO groups (id, puppet_room_id, topic, created_at) VALUES (1, 'r@chatroom', '群', '2026-11-24T00:00:00+08:00')").run();
    store = new OutboxStore(db);
    clock = new ManualClock(T0);
    transport = new ScriptedTransport(clock);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sender = (o: Partial<ConstructorParameters<typeof OutboxSender>[4]> = {}) =>
    new OutboxSender(store, transport, clock, silentLogger, { gapMs: 2000, jitterMs: 0, perMinute: 20, ...o });
  const queue = (key: OutboxKey, text = key.value) => store.enqueue({ key, target: { groupId: 1 }, text }, clock.now());
  // Keys whose kind does not matter to the test.
  const a = outboxKey.reply(1, 0);
  const b = outboxKey.reply(2, 0);

  it('queues a key once, so a restart never sends twice', async () => {
    const reminder = outboxKey.job('reminder', '2026-11-24T16:00:00+08:00', { groupId: 1 });
    expect(queue(reminder)).toBe(true);
    expect(queue(reminder)).toBe(false);
    await sender().drain();
    expect(queue(reminder)).toBe(false);
    await sender().drain();
    expect(transport.sent).toHaveLength(1);
  });

  it('holds a message that must follow another until that one is sent, even when it is retried', async () => {
    const dispatch = outboxKey.job('weeklyDispatch', '2026-11-23T09:00:00+08:00', { groupId: 1 });
    queue(dispatch, '周调度');
    store.enqueue({ key: outboxKey.job('weeklyDispatch', '2026-11-23T09:00:00+08:00', { groupId: 1 }, 'png'), target: { groupId: 1 }, text: '图片', after: dispatch }, clock.now());
    queue(outboxKey.reply(1, 0), '回复');
    transport.failures.push('network down');
    const s = sender({ gapMs: 0 });
    await s.drain();
    // The text failed and waits 5 s; the image waits for it; an unrelated reply goes.
    expect(transport.sent.map((x) => x.text)).toEqual(['回复']);
    // Nothing is due before the text's retry: the waiting image does not keep the sender busy.
    expect(store.nextDueAt()!.getTime()).toBe(T0 + 5_000);
    clock.advance(5_000);
    await s.drain();
    expect(transport.sent.map((x) => x.text)).toEqual(['回复', '周调度', '图片']);
  });

  it('lets a follower go once the one it follows has failed for good', async () => {
    const first = outboxKey.job('a', '2026-11-24T16:00:00+08:00', { groupId: 1 });
    queue(first, 'A');
    store.enqueue({ key: outboxKey.job('a', '2026-11-24T16:00:00+08:00', { groupId: 1 }, 'png'), target: { groupId: 1 }, text: '图片', after: first }, clock.now());
    transport.failures.push('bad');
    await sender({ gapMs: 0, maxAttempts: 1 }).drain();
    // The image is still worth having without its text.
    expect(store.statusOf(first)).toBe('failed');
    expect(transport.sent.map((x) => x.text)).toEqual(['图片']);
  });

  it('keeps the gap between sends and the per-minute cap, in virtual time', async () => {
    for (let i = 0; i < 30; i++) queue(outboxKey.reply(i, 0));
    const s = sender({ gapMs: 2000, perMinute: 20 });
    expect(await s.drain()).toBe(1);
    expect(await s.drain()).toBe(0);
    for (let t = 0; t < 120; t++) {
      clock.advance(1000);
      await s.drain();
    }
    const times = transport.sent.map((x) => x.at - T0);
    expect(times.slice(0, 3)).toEqual([0, 2000, 4000]);
    const firstMinute = times.filter((t) => t < 60_000);
    expect(firstMinute).toHaveLength(20);
    expect(transport.sent).toHaveLength(30);
    expect(store.countByStatus()).toEqual({ sent: 30 });
  });

  it('holds messages while logged out and sends them after login', async () => {
    queue(a);
    transport.loggedIn = false;
    expect(await sender().drain()).toBe(0);
    expect(store.countByStatus()).toEqual({ pending: 1 });
    transport.loggedIn = true;
    expect(await sender().drain()).toBe(1);
  });

  it('retries a failed send with back-off, and gives up after the last attempt', async () => {
    queue(a);
    transport.failures = ['network down'];
    const s = sender({ maxAttempts: 3 });
    expect(await s.drain()).toBe(0);
    expect(store.countByStatus()).toEqual({ pending: 1 });
    clock.advance(4000);
    expect(await s.drain()).toBe(0);
    clock.advance(1000);
    expect(await s.drain()).toBe(1);

    queue(b);
    transport.failures = ['x', 'y', 'z'];
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      await s.drain();
    }
    expect(store.statusOf(b)).toBe('failed');
  });

  it('pauses all sending for a while when WeChat says it is too frequent', async () => {
    queue(a);
    queue(b);
    transport.failures = ['操作过于频繁，请稍后再试'];
    const s = sender({ gapMs: 0 });
    await s.drain();
    clock.advance(5 * 60_000);
    expect(await s.drain()).toBe(0);
    clock.advance(6 * 60_000);
    expect(await s.drain()).toBe(2);
  });

  it('holds scheduled messages through quiet hours but answers people at once', async () => {
    clock.set('2026-11-24T23:10:00+08:00');
    store.enqueue({ key: outboxKey.job('dailyBoard', '2026-11-24T20:00:00+08:00', { groupId: 1 }), target: { groupId: 1 }, text: '日晒榜（补发）' }, clock.now());
    store.enqueue({ key: outboxKey.reply(9, 0), target: { groupId: 1 }, text: '已收到' }, clock.now());
    const s = sender({ gapMs: 0, quietHours: { start: 22 * 60, end: 7 * 60 + 30 } });
    expect(await s.drain()).toBe(1);
    expect(transport.sent.map((x) => x.text)).toEqual(['已收到']);
    clock.set('2026-11-25T07:29:00+08:00');
    expect(await s.drain()).toBe(0);
    clock.set('2026-11-25T07:30:00+08:00');
    expect(await s.drain()).toBe(1);
    expect(transport.sent.map((x) => x.text)).toEqual(['已收到', '日晒榜（补发）']);
  });

  it('drops a message about today once today is over, instead of sending it late', async () => {
    clock.set('2026-11-24T16:00:00+08:00');
    const reminder = outboxKey.job('reminder', '2026-11-24T16:00:00+08:00', { groupId: 1 });
    store.enqueue({ key: reminder, target: { groupId: 1 }, text: '今天的提醒', expiresAt: new Date('2026-11-25T00:00:00+08:00') }, clock.now());
    transport.loggedIn = false;
    clock.set('2026-11-25T08:00:00+08:00');
    transport.loggedIn = true;
    expect(await sender().drain()).toBe(0);
    expect(store.statusOf(reminder)).toBe('failed');
    expect(transport.sent).toEqual([]);
  });

  it('sets aside a message caught mid-send by a crash instead of sending it again', async () => {
    queue(a);
    const [item] = store.due(clock.now(), 1);
    expect(store.claim(item!.id)).toBe(true);
    // crash here: the process dies before it learns whether WeChat got the message
    const restarted = new OutboxStore(db);
    expect(restarted.setAsideInterrupted()).toBe(1);
    expect(await sender().drain()).toBe(0);
    expect(restarted.statusOf(a)).toBe('unknown');
  });
});
