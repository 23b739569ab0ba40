import path from 'node:path';
import { openDb } from '../src/store/db';
import { ManualClock } from '../src/time/clock';
import { silentLogger } from '../src/log/log';
import { createApp } from '../src/app';
import { MockWorld } from '../src/sandbox/world';
import { ProjectStore } from '../src/store/projects';
import { LiveCalendar } from '../src/features/calendar';
import { CalendarStore } from '../src/store/calendar';

/** Report messages through the real Wechaty on the mock puppet until stored and acknowledged in the outbox. */
export async function benchIngest(tmp: string): Promise<number> {
  const clock = new ManualClock('2026-11-24T17:00:00+08:00');
  const world = new MockWorld(clock);
  const db = openDb(path.join(tmp, 'ingest.db'));
  const projects = new ProjectStore(db);
  const groups = 20;
  projects.upsert(
    Array.from({ length: groups }, (_, i) => ({
      name: `示范项目${i + 1}号`,
      aliases: [],
      category: '区重点',
      chain: null,
      town: null,
      unit: null,
      leader: null,
      liaison: null,
      totalInvestment: 100000,
      annualPlan: null,
      plannedStart: null,
      plannedFinish: null,
      status: '在建' as const,
      registered: true,
    })),
    clock.now(),
  );
  const app = createApp({
    db,
    wechaty: world.wechaty,
    clock,
    log: silentLogger,
    settings: { admins: [], staleSeconds: 120, photoWindowMinutes: 30, mediaDir: path.join(tmp, 'media') },
    send: { gapMs: 0, jitterMs: 0, perMinute: 1_000_000 },
    calendar: new LiveCalendar(new CalendarStore(db), clock),
  });
  await world.start();
  const topics = projects.list().map((p) => {
    const topic = `${p.name}工作群`;
    const room = world.room(topic, [`联络员${p.id}`]);
    const g = app.stores.groups.ensure(room.id, topic, clock.now());
    app.stores.groups.bindProject(g.id, p.id, null, clock.now());
    return topic;
  });
  const n = 5_000;
  const text = (i: number) =>
    `#日报\n日期：11月${(i % 24) + 1}日\n形象进度：${i % 100}%\n今日进展：主体施工\n施工人数：${50 + (i % 30)}人\n累计完成投资：${1000 + i}万元\n存在问题：无`;
  const t0 = process.hrtime.bigint();
  let batch: Promise<void>[] = [];
  let ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const topic = topics[i % topics.length]!;
    const id = world.say(`联络员${(i % topics.length) + 1}`, topic, text(i));
    ids.push(id);
    batch.push(app.inbound.handled(id));
    // Deliver in batches, as a busy puppet would, without an unbounded queue.
    if (batch.length === 100 || i === n - 1) {
      await Promise.all(batch);
      for (const done of ids) world.forget(done);
      ids = [];
      batch = [];
    }
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const stored = db.prepare('SELECT COUNT(*) FROM reports').pluck().get() as number;
  const queued = db.prepare("SELECT COUNT(*) FROM outbox WHERE key LIKE 'reply:%'").pluck().get() as number;
  if (stored !== n || queued !== n) throw new Error(`ingest lost messages: ${stored} stored, ${queued} acknowledged of ${n}`);
  await world.stop();
  db.close();
  return n / s;
}

