import path from 'node:path';
import { openDb, type Db } from '../src/store/db';
import { createStores, type Stores } from '../src/store/stores';
import { SettingsStore } from '../src/store/settings';
import { LiveCalendar } from '../src/features/calendar';
import { currentThresholds } from '../src/features/rule-settings';
import { periodOf } from '../src/core/stats/period';
import { buildBulletin } from '../src/features/bulletin/build';
import { writeBulletinFiles } from '../src/render/files';
import { ManualClock } from '../src/time/clock';
import { project, seedDistrict } from './seed';
import { CalendarStore } from '../src/store/calendar';

export interface BulletinBench {
  /**
   * buildBulletin in the first run of the process (it pays the JIT and first-use costs), and the median
   * of the four runs after it (this 2-core machine's figures move by a third from run to run).
   */
  figuresMs: number;
  figuresWarmMs: number;
  /** The same buildBulletin plus writeBulletinFiles (md, xlsx, png) of its result: first run, median of the next four. */
  wholeMs: number;
  wholeWarmMs: number;
  /** Median of three runs. */
  sqlMs: number;
  /** Summarising the seeded year's months (a database's first statistics after migration 014 or 016). */
  summariseYearMs: number;
  /** Summarising the months a day's reports changed, one per project (the evening's 日晒榜 does it). */
  summariseDayMs: number;
  /** Peak RSS once the database was seeded, and after the first whole bulletin. */
  seededRssMB: number;
  oneRunPeakRssMB: number;
  /** Current report rows of the year: what the figures and the aggregate both read. */
  rows: number;
  projects: number;
}

const N = 2000;
const FROM = '2026-01-01';
const TO = '2026-11-30';
const TODAY = '2026-12-01';

/** Stopped (停工) windows: one project in a hundred for three weeks in August, a few from mid-November on. */
function stoppage(id: number): { from: string; to: string | null } | null {
  if (id % 250 === 61) return { from: '2026-11-16', to: null };
  if (id % 100 === 11) return { from: '2026-08-03', to: '2026-08-21' };
  return null;
}

/**
 * A year of one project's reports: 在建 projects' progress and cumulative investment rise at their own
 * pace, one in thirteen stalls from late October; 未开工 ones report 0 % and early costs. About one day in
 * 23 is missed, one project in 50 stops reporting on 20 November, one in 45 only starts in March, and
 * one in ten gives 本月完成投资 instead of a cumulative figure.
 */
function reportOf(id: number, day: string, k: number) {
  const stop = stoppage(id);
  if (stop && day >= stop.from && (stop.to === null || day <= stop.to)) return null;
  if ((id * 31 + k * 17) % 23 === 0) return null;
  if (id % 50 === 0 && day > '2026-11-20') return null;
  if (id % 45 === 0 && day < '2026-03-01') return null;
  const p = project(id);
  const plan = id % 17 === 0 ? 8000 : 2000 + ((id * 37) % 29) * 500;
  const pace = 0.6 + ((id * 7) % 8) / 10; // share of the annual plan the project is on course for
  const days = id % 13 === 0 ? Math.min(k, 292) : k; // stalled projects stop moving on 20 October
  const building = p.status === '在建';
  const progress = building ? Math.min(100, ((id * 11) % 40) / 4 + days * (0.1 + ((id * 7) % 10) * 0.012)) : 0;
  // Every project is planned to start in 2026, so the cumulative figure is this year's; 未开工 ones spend on preparation.
  const perDay = ((plan * pace) / 334) * (building ? 1 : 0.02);
  const money = (n: number) => Math.round(n * 100) / 100;
  if (id % 10 === 7) return { progress: Math.round(progress * 10) / 10, cumulative: null, month: money(perDay * (Number(day.slice(8, 10)) - 1)) };
  return { progress: Math.round(progress * 10) / 10, cumulative: money(perDay * days), month: null };
}

/** The district of the bulletin bench; returns the number of report rows. */
export function seedBulletin(db: Db, s: Stores): number {
  const rows = seedDistrict(db, s, { projects: N, from: FROM, to: TO, boundAt: '2025-12-20T09:00:00+08:00', report: reportOf, extras: true });
  const declaredAt = new Date('2026-08-03T09:00:00+08:00');
  for (let id = 1; id <= N; id++) {
    const stop = stoppage(id);
    if (stop) s.stoppages.declare(id, '环保管控停工', stop.from, stop.to, 1, declaredAt);
  }
  return rows;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The monthly bulletin for November 2026 (today 1 December) over 2,000 projects with a year of daily
 * reports, read from SQLite as the CLI does, beside one plain SQL aggregate over the same report rows.
 */
export async function benchBulletin(tmp: string): Promise<BulletinBench> {
  const db = openDb(path.join(tmp, 'bulletin.db'));
  const s = createStores(db);
  seedBulletin(db, s);
  // The year went in as one transaction; a running bot's WAL is checkpointed as it goes, so the
  // bulletin reads the database file, not a 100 MB log.
  db.pragma('wal_checkpoint(TRUNCATE)');
  let t0 = process.hrtime.bigint();
  s.reports.refreshMonths();
  const summariseYearMs = ms(t0);
  db.prepare("INSERT INTO report_months_stale SELECT id, '2026-11' FROM projects").run();
  t0 = process.hrtime.bigint();
  s.reports.refreshMonths();
  const summariseDayMs = ms(t0);
  const seededRssMB = Math.round(process.resourceUsage().maxRSS / 1024);

  // As `rishai bulletin monthly --period 2026-11` on 1 December does it.
  const calendar = new LiveCalendar(new CalendarStore(db), new ManualClock(`${TODAY}T09:00:00+08:00`));
  const isWorkday = (d: string) => calendar.isWorkday(d);
  const thresholds = currentThresholds(new SettingsStore(db));
  const period = periodOf('month', '2026-11', TODAY);
  const build = () => buildBulletin(s, 'month', period, TODAY, isWorkday, thresholds);

  // Five runs, each timed as the figures and then the files written from them.
  const runs: { figuresMs: number; wholeMs: number; peakRssMB: number }[] = [];
  for (let run = 1; run <= 5; run++) {
    const t0 = process.hrtime.bigint();
    const b = build();
    const figuresMs = ms(t0);
    await writeBulletinFiles(b, path.join(tmp, `bulletin-${run}`));
    runs.push({ figuresMs, wholeMs: ms(t0), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
  }
  const first = runs[0]!;
  const later = runs.slice(1);

  // The same report rows (current ones of the year up to the period's end), aggregated per project in SQL.
  const aggregate = db
    .prepare(
      `SELECT project_id, COUNT(*), MAX(progress_percent), MAX(investment_cumulative), SUM(investment_month)
       FROM reports WHERE current = 1 AND date BETWEEN ? AND ? GROUP BY project_id`,
    )
    .raw();
  let aggregated: [number, number][] = [];
  const sqlRuns = [1, 2, 3].map(() => {
    const t0 = process.hrtime.bigint();
    aggregated = aggregate.all('2026-01-01', period.to) as [number, number][];
    return ms(t0);
  });
  if (aggregated.length !== N) throw new Error(`aggregate saw ${aggregated.length} projects, expected ${N}`);
  db.close();
  return {
    figuresMs: first.figuresMs,
    figuresWarmMs: median(later.map((r) => r.figuresMs)),
    wholeMs: first.wholeMs,
    wholeWarmMs: median(later.map((r) => r.wholeMs)),
    sqlMs: median(sqlRuns),
    summariseYearMs,
    summariseDayMs,
    seededRssMB,
    oneRunPeakRssMB: first.peakRssMB,
    rows: aggregated.reduce((n, [, count]) => n + count, 0),
    projects: N,
  };
}
