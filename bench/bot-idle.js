// The bot as `npm start` runs it, from the compiled dist/ (plain JavaScript, so no tsx loader in
// the figure): real Wechaty on the mock puppet, 500 projects bound in 100 groups, sender and
// scheduler started, then idle. Prints its resident memory as JSON. Run with --expose-gc.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const { openDb } = require(path.join(dist, 'store', 'db'));
const { ProjectStore } = require(path.join(dist, 'store', 'projects'));
const { ManualClock } = require(path.join(dist, 'time', 'clock'));
const { silentLogger } = require(path.join(dist, 'log', 'log'));
const { createApp } = require(path.join(dist, 'app'));
const { MockWorld } = require(path.join(dist, 'sandbox', 'world'));
const { LiveCalendar } = require(path.join(dist, 'calendar', 'live'));

const mb = (bytes) => Math.round(bytes / 2 ** 20);
const settle = async () => {
  // Idle means nothing pending: timers of the start-up have run and the garbage is collected.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  global.gc?.();
  global.gc?.();
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
    calendar: new LiveCalendar(db, clock),
  });
  await world.start();
  const all = projects.list();
  for (let g = 0; g < 100; g++) {
    const mine = all.slice(g * 5, g * 5 + 5);
    const topic = `项目工作群${g + 1}`;
    const room = world.room(topic, [...mine.map((p) => p.liaison), mine[0].leader, '李主任']);
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

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
