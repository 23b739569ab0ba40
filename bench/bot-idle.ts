// The bot as `npm start` runs it, from the compiled dist/ (plain JavaScript, so no tsx loader in
// the figure): real Wechaty on the mock puppet, 500 projects bound in 100 groups, sender and
// scheduler started, then idle. Prints its resident memory as JSON. bench/index.ts transpiles this
// file and runs it with --expose-gc; `npm test` type-checks it against the source it loads compiled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Run from a temporary copy: bench/index.ts says where dist/ is.
const dist = process.env.RISHAI_DIST ?? path.join(__dirname, '..', 'dist');
const load = <T>(module: string): T => require(path.join(dist, module)) as T;
const { openDb } = load<typeof import('../src/store/db')>('store/db');
const { ProjectStore } = load<typeof import('../src/store/projects')>('store/projects');
const { CalendarStore } = load<typeof import('../src/store/calendar')>('store/calendar');
const { ManualClock } = load<typeof import('../src/time/clock')>('time/clock');
const { silentLogger } = load<typeof import('../src/log/log')>('log/log');
const { createApp } = load<typeof import('../src/app')>('app');
const { MockWorld } = load<typeof import('../src/sandbox/world')>('sandbox/world');
const { LiveCalendar } = load<typeof import('../src/features/calendar')>('features/calendar');

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const settle = async () => {
  // Idle means nothing pending: timers of the start-up have run and the garbage is collected.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  globalThis.gc?.();
  globalThis.gc?.();
};

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-bench-idle-'));
  // A quiet hour, frozen: no scheduled job falls due while the bot idles.
  const clock = new ManualClock('2026-11-24T11:00:00+08:00');
  const db = openDb(path.join(tmp, 'idle.db'));
  const projects = new ProjectStore(db);
  projects.upsert(
    Array.from({ length: 500 }, (_, i) => ({
      name: `示范项目${i + 1}号`,
      aliases: [],
      category: '区重点',
      chain: null,
      town: `镇街${i % 12}`,
      unit: `责任单位${i % 40}`,
      leader: `领导${i % 20}`,
      liaison: `联络员${i + 1}`,
      totalInvestment: 50000,
      annualPlan: 10000,
      plannedStart: '2026-01-15',
      plannedFinish: '2027-12-31',
      status: '在建',
      registered: true,
    })),
    clock.now(),
  );
  const world = new MockWorld(clock);
  const app = createApp({
    db,
    wechaty: world.wechaty,
    clock,
    log: silentLogger,
    settings: { admins: ['李主任'], staleSeconds: 120, photoWindowMinutes: 30, mediaDir: path.join(tmp, 'media') },
    send: { gapMs: 0, jitterMs: 0, perMinute: 1000 },
    calendar: new LiveCalendar(new CalendarStore(db), clock),
  });
  await world.start();
  const all = projects.list();
  for (let g = 0; g < 100; g++) {
    const mine = all.slice(g * 5, g * 5 + 5);
    const topic = `项目工作群${g + 1}`;
    const room = world.room(topic, [...mine.map((p) => p.liaison!), mine[0]!.leader!, '李主任']);
    const group = app.stores.groups.ensure(room.id, topic, clock.now());
    for (const p of mine) app.stores.groups.bindProject(group.id, p.id, null, clock.now());
  }
  app.sender.start();
  await app.scheduler.resumeInterrupted();
  app.scheduler.start();
  await app.inbound.idle();
  await settle();
  const m = process.memoryUsage();
  const figures = { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), externalMB: mb(m.external), modules: Object.keys(require.cache).length };
  app.sender.stop();
  app.scheduler.stop();
  await world.stop();
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(figures) + '\n');
  // Wechaty's mock puppet may leave timers behind; the figure is out.
  process.exit(0);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
