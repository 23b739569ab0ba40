import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseMessage } from '../src/core/report/parse';
import { ADVERSARIAL, CORPUS } from './corpus';
import { corpusFieldPct } from '../test/fixtures/corpus';

/** `npm run bench [-- --json]`: throughput figures, each beside a raw SQLite baseline from the same run. */

const json = process.argv.includes('--json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-bench-'));
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

/**
 * Milliseconds of CPU per parse of each text: the best of several batches, each long enough to
 * time, taken in turns so that a burst of load on the VM falls on every size alike. CPU rather than
 * wall time, as a long run is more often preempted than a short one, which would read as growth.
 */
function parseMs(texts: string[], at: Date): number[] {
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  const perBatch = texts.map((text) => {
    const c = process.cpuUsage();
    parseMessage(text, at);
    return Math.max(1, Math.ceil(20 / Math.max(cpuMs(c), 0.01)));
  });
  const best = texts.map(() => Infinity);
  for (let round = 0; round < 7; round++) {
    texts.forEach((text, k) => {
      const c = process.cpuUsage();
      for (let i = 0; i < perBatch[k]!; i++) parseMessage(text, at);
      best[k] = Math.min(best[k]!, cpuMs(c) / perBatch[k]!);
    });
  }
  return best;
}

/**
 * The slowest adversarial 128 K shape, and the worst shape's time ratio per doubling from 16 K to
 * 128 K: 2 to the slope of log time over log size at 16, 32, 64 and 128 K, which four points make
 * steadier than two.
 */
function benchParseWorst(): { parseWorst128kMs: number; parseGrowth: number } {
  const at = new Date('2026-11-24T17:05:00+08:00');
  const doublings = [0, 1, 2, 3];
  let worst = 0;
  let growth = 0;
  for (const make of Object.values(ADVERSARIAL)) {
    const logMs = parseMs(doublings.map((d) => make(16 * 1024 * 2 ** d)), at).map(Math.log2);
    worst = Math.max(worst, 2 ** logMs[3]!);
    const mean = logMs.reduce((a, b) => a + b) / logMs.length;
    const slope = doublings.reduce((sum, d, i) => sum + (d - 1.5) * (logMs[i]! - mean), 0) / 5; // Σ(d − 1.5)² = 5
    growth = Math.max(growth, 2 ** slope);
  }
  return { parseWorst128kMs: worst, parseGrowth: growth };
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

type Phase = 'parse' | 'sqlite' | 'ingest' | 'week' | 'warnings' | 'bulletin';

type PhaseResult = { value: number; peakRssMB: number; extra?: Record<string, number> };

async function measure(phase: Phase): Promise<Omit<PhaseResult, 'peakRssMB'>> {
  switch (phase) {
    case 'parse':
      return { value: benchParse(), extra: { corpusFieldPct: corpusFieldPct(parseMessage), ...benchParseWorst() } };
    case 'sqlite':
      return { value: benchSqliteInsert() };
    case 'ingest':
      return { value: await (await import('./ingest.js')).benchIngest(tmp) };
    case 'week': {
      const w = await (await import('./schedule.js')).benchWeek(tmp);
      return { value: w.seconds, extra: { messages: w.messages } };
    }
    case 'warnings': {
      const w = (await import('./schedule.js')).benchWarnings(tmp);
      return { value: w.ms, extra: { sqlScanMs: w.sqlScanMs, warnings: w.warnings, rows: w.rows } };
    }
    case 'bulletin': {
      const { figuresMs, ...extra } = await (await import('./bulletin.js')).benchBulletin(tmp);
      return { value: figuresMs, extra };
    }
  }
}

/** Runs one phase in this process and prints its figure and peak memory as JSON. */
async function runPhase(phase: Phase): Promise<void> {
  const r = await measure(phase);
  fs.rmSync(tmp, { recursive: true, force: true });
  print(JSON.stringify({ ...r, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

/** Each phase runs in its own process, so one phase's garbage does not count against another's memory. */
function spawnPhase(phase: Phase): PhaseResult {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--phase', phase], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall-clock milliseconds of a whole `node …` process, as a shell would see it. */
function timeProcess(args: string[], input?: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', cwd: path.join(__dirname, '..') });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** The compiled CLI's start-up beside bare node, median of 5 each, runs interleaved so load swings hit all alike. */
function benchStartup(): { nodeBareMs: number; cliHelpMs: number; cliParseMs: number } {
  const bin = path.join('bin', 'rishai.js');
  const runs = {
    nodeBareMs: () => timeProcess(['-e', '0']),
    cliHelpMs: () => timeProcess([bin, '--help']),
    cliParseMs: () => timeProcess([bin, 'parse'], CORPUS[0]),
  };
  for (const run of Object.values(runs)) run(); // warm the file cache
  const times: Record<keyof typeof runs, number[]> = { nodeBareMs: [], cliHelpMs: [], cliParseMs: [] };
  for (let i = 0; i < 5; i++) for (const [key, run] of Object.entries(runs)) times[key as keyof typeof runs].push(run());
  return { nodeBareMs: median(times.nodeBareMs), cliHelpMs: median(times.cliHelpMs), cliParseMs: median(times.cliParseMs) };
}

/** The node flags `npm start` gives the bot (package.json is their one place), so the idle figure is the running bot's. */
function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The idle bot's resident memory, in a process of its own running the compiled code (see bot-idle.ts). */
function benchBotIdle(): { rssMB: number; heapUsedMB: number; modules: number } {
  // Transpiled only (npm test type-checks it), so the measured process carries no TypeScript loader;
  // the compiler loads here, not at the top, as every phase's process loads this file and it weighs ~40 MB.
  const ts = require('typescript') as typeof import('typescript');
  const source = fs.readFileSync(path.join(__dirname, 'bot-idle.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const script = path.join(tmp, 'bench', 'bot-idle.js');
  fs.mkdirSync(path.dirname(script), { recursive: true });
  fs.writeFileSync(script, js);
  const out = execFileSync(process.execPath, ['--expose-gc', ...startFlags(), script], { encoding: 'utf8', env: { ...process.env, RISHAI_DIST: path.join(__dirname, '..', 'dist') } });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const phaseArg = process.argv.indexOf('--phase');
  if (phaseArg > 0) return runPhase(process.argv[phaseArg + 1] as Phase);
  fs.rmSync(tmp, { recursive: true, force: true });
  const parse = spawnPhase('parse');
  const sqlite = spawnPhase('sqlite');
  const ingest = spawnPhase('ingest');
  const week = spawnPhase('week');
  const warnings = spawnPhase('warnings');
  const bulletin = spawnPhase('bulletin');
  const startup = benchStartup();
  const idle = benchBotIdle();
  const b = bulletin.extra!;
  const figures = {
    parsePerSec: Math.round(parse.value),
    corpusFieldPct: parse.extra!.corpusFieldPct!,
    parseWorst128kMs: Math.round(parse.extra!.parseWorst128kMs! * 10) / 10,
    parseGrowth: Math.round(parse.extra!.parseGrowth! * 100) / 100,
    ingestPerSec: Math.round(ingest.value),
    sqliteInsertPerSec: Math.round(sqlite.value),
    peakRssMB: Math.max(parse.peakRssMB, ingest.peakRssMB),
    weekSeconds: Math.round(week.value * 100) / 100,
    weekMessages: week.extra!.messages!,
    warningsMs: Math.round(warnings.value),
    warningsSqlScanMs: Math.round(warnings.extra!.sqlScanMs!),
    bulletinFiguresMs: Math.round(bulletin.value),
    bulletinFiguresWarmMs: Math.round(b.figuresWarmMs!),
    bulletinWholeMs: Math.round(b.wholeMs!),
    bulletinWholeWarmMs: Math.round(b.wholeWarmMs!),
    bulletinSqlMs: Math.round(b.sqlMs!),
    monthSummaryDayMs: Math.round(b.summariseDayMs!),
    monthSummaryYearMs: Math.round(b.summariseYearMs!),
    bulletinPeakRssMB: b.oneRunPeakRssMB!,
    bulletinPhasePeakRssMB: bulletin.peakRssMB,
    bulletinRows: b.rows!,
    nodeBareMs: Math.round(startup.nodeBareMs),
    cliHelpMs: Math.round(startup.cliHelpMs),
    cliParseMs: Math.round(startup.cliParseMs),
    botIdleRssMB: idle.rssMB,
  };
  const ratio = (x: number) => (x / figures.sqliteInsertPerSec).toFixed(2);
  const n = (x: number) => x.toLocaleString('en');
  print(`parse          ${n(figures.parsePerSec)} messages/s  (target ≥ 100,000)      ${ratio(figures.parsePerSec)}× raw insert   peak ${parse.peakRssMB} MB`);
  print(`parse fixtures ${figures.corpusFieldPct}% of fields read right  (target ≥ 98%; test/fixtures/reports)`);
  print(`parse 128 K    ${figures.parseWorst128kMs} ms worst adversarial shape (target < 50 ms), ×${figures.parseGrowth} per doubling from 16 K (target ≤ 2.5)`);
  print(`ingest (e2e)   ${n(figures.ingestPerSec)} reports/s    (target ≥ 1,000)        ${ratio(figures.ingestPerSec)}× raw insert   peak ${ingest.peakRssMB} MB`);
  print(`sqlite insert  ${n(figures.sqliteInsertPerSec)} rows/s      (one row per transaction, WAL, synchronous=NORMAL)`);
  print(`peak memory    ${figures.peakRssMB} MB  (target < 200 MB; includes the tsx TypeScript loader, ~40 MB)`);
  print(`simulated week ${figures.weekSeconds} s, ${n(figures.weekMessages)} messages sent  (500 projects in 100 groups; target < 30 s)   peak ${week.peakRssMB} MB`);
  print(`warnings       ${n(figures.warningsMs)} ms for 5,000 projects, ${n(warnings.extra!.rows!)} report rows, ${n(warnings.extra!.warnings!)} warnings  (target < 1,000 ms)   ${(figures.warningsMs / Math.max(1, figures.warningsSqlScanMs)).toFixed(1)}× a plain SQL scan of the same rows (${n(figures.warningsSqlScanMs)} ms)`);
  const sec = (ms: number) => (ms / 1000).toFixed(2);
  const sqlMs = Math.max(1, figures.bulletinSqlMs);
  print(
    `bulletin figures (${n(b.projects!)} projects, a year of reports, ${n(figures.bulletinRows)} rows): ${sec(figures.bulletinFiguresMs)} s first run, ${sec(figures.bulletinFiguresWarmMs)} s later (median of 4)  (target < 0.5 s)   ` +
      `${(figures.bulletinFiguresMs / sqlMs).toFixed(1)}× / ${(figures.bulletinFiguresWarmMs / sqlMs).toFixed(1)}× a plain SQL aggregate of the same rows (${sec(figures.bulletinSqlMs)} s, median of 3)`,
  );
  print(
    `whole bulletin (md, xlsx, png): ${sec(figures.bulletinWholeMs)} s first run, ${sec(figures.bulletinWholeWarmMs)} s later (median of 4)  (target < 3 s)   ` +
      `peak ${figures.bulletinPeakRssMB} MB after the first (${b.seededRssMB} MB once seeded, ${figures.bulletinPhasePeakRssMB} MB after all five)`,
  );
  print(
    `month summaries: ${n(figures.monthSummaryDayMs)} ms for a day's reports of ${n(b.projects!)} projects (the evening board does it), ` +
      `${sec(figures.monthSummaryYearMs)} s for the year (once, after migration 014 or 016)`,
  );
  const times = (ms: number) => (ms / Math.max(1, figures.nodeBareMs)).toFixed(1);
  print(
    `cli start-up   --help ${figures.cliHelpMs} ms (${times(figures.cliHelpMs)}×), parse ${figures.cliParseMs} ms (${times(figures.cliParseMs)}×) ` +
      `bare node's ${figures.nodeBareMs} ms  (whole processes, median of 5; target ≤ 3×)`,
  );
  print(
    `idle bot       ${figures.botIdleRssMB} MB resident (heap ${idle.heapUsedMB} MB, ${n(idle.modules)} modules), compiled code on the mock puppet, 500 projects in 100 groups  (target < 120 MB)`,
  );
  if (json) print(JSON.stringify(figures));
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
