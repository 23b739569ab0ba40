import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseMessage } from '../src/report/parse';
import { openDb } from '../src/store/db';
import { ManualClock } from '../src/time/clock';
import { silentLogger } from '../src/log/log';
import { createApp } from '../src/app';
import { MockWorld } from '../src/sandbox/world';
import { ProjectStore } from '../src/store/projects';
import { CORPUS } from './corpus';

/** `npm run bench [-- --json]`: throughput figures, each beside a raw SQLite baseline from the same run. */

const json = process.argv.includes('--json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-bench-'));
const figures: Record<string, number> = {};
const print = (s: string) => process.stdout.write(s + '\n');

function benchParse(): number {
  const at = new Date('2026-11-24T17:05:00+08:00');
  for (let i = 0; i < 20_000; i++) parseMessage(CORPUS[i % CORPUS.length]!, at); // warm up the JIT
  const n = 200_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) parseMessage(CORPUS[i % CORPUS.length]!, at);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / s;
}

/** Single-row inserts, each its own transaction, with the pragmas the bot uses. */
function benchSqliteInsert(): number {
  const db = new Database(path.join(tmp, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b REAL, c TEXT)');
  const insert = db.prepare('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
  const n = 20_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) insert.run(`project-${i}`, i * 1.5, CORPUS[i % CORPUS.length]!);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return n / s;
}

/** Report messages through the real Wechaty on the mock puppet until stored and acknowledged in the outbox. */
async function benchIngest(): Promise<number> {
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
  for (let i = 0; i < n; i++) {
    const topic = topics[i % topics.length]!;
    batch.push(app.inbound.handled(world.say(`联络员${(i % topics.length) + 1}`, topic, text(i))));
    // Deliver in batches, as a busy puppet would, without an unbounded queue.
    if (batch.length === 100 || i === n - 1) {
      await Promise.all(batch);
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

async function main(): Promise<void> {
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  print(`start ${rss()} peak ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
  figures.parsePerSec = Math.round(benchParse());
  const afterParse = `${rss()} (peak ${Math.round(process.resourceUsage().maxRSS / 1024)})`;
  figures.sqliteInsertPerSec = Math.round(benchSqliteInsert());
  figures.ingestPerSec = Math.round(await benchIngest());
  if (!json) print(`(rss after parse ${afterParse} MB, after ingest ${rss()} MB)`);
  figures.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  fs.rmSync(tmp, { recursive: true, force: true });

  const ratio = (x: number) => (x / figures.sqliteInsertPerSec!).toFixed(2);
  print(`parse             ${figures.parsePerSec!.toLocaleString('en')} messages/s   (target ≥ 50,000; ${ratio(figures.parsePerSec!)}× raw SQLite insert)`);
  print(`ingest (e2e)      ${figures.ingestPerSec!.toLocaleString('en')} reports/s    (target ≥ 1,000; ${ratio(figures.ingestPerSec!)}× raw SQLite insert)`);
  print(`sqlite insert     ${figures.sqliteInsertPerSec!.toLocaleString('en')} rows/s       (baseline: one row per transaction, WAL, synchronous=NORMAL)`);
  print(`peak memory       ${figures.peakRssMB} MB           (target < 200 MB)`);
  if (json) print(JSON.stringify(figures));
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
