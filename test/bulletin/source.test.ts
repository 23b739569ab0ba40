import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../src/store/db';
import { createStores, type Stores } from '../../src/store/stores';
import type { Project } from '../../src/domain/project';
import { WorkCalendar } from '../../src/core/calendar';
import { periodOf, previousPeriod, type PeriodKind } from '../../src/core/stats/period';
import type { Grouping, StatsComment, StatsReport } from '../../src/core/stats/types';
import { computeStats, overallBefore, prepareStats } from '../../src/core/stats/stats';
import { statsInput } from '../../src/features/bulletin/source';
import { DEFAULT_THRESHOLDS } from '../../src/core/rules/warnings';
import { seedDistrict } from '../../bench/seed';
import { daysBetween } from '../../src/time/clock';

// The statistics read every report row only from shortly before the previous period; before that only
// the rows that decide a figure. On a district with irregular reports over a year and a half — missed
// days, reports on some weekends and holidays, projects that stop reporting, stalls (some resumed), 形象进度 taken back,
// gaps in 累计, 本月完成投资 instead of 累计, starts in the year before, corrected days — every figure
// must come out as it does from every row, read straight from the reports table.
const calendar = new WorkCalendar();

function irregular(id: number, day: string, k: number) {
  if (!calendar.isWorkday(day) && (id % 3 !== 1 || k % 4 === 0)) return null;
  if ((id * 7 + k * 13) % 11 === 0) return null;
  if (id % 16 === 2 && day > '2026-05-31') return null;
  if (id % 16 === 10 && day > '2026-08-05') return null;
  if (id % 9 === 0 && day >= '2026-04-01' && day < '2026-06-15') return null;
  // Some stall for good; some stand still from 10 October to 24 November, then move on.
  const pause = id % 8 === 6 && day >= '2026-10-10' && day <= '2026-11-24' ? daysBetween('2026-10-10', day) : 0;
  const stalled = id % 5 === 0 ? Math.min(k, 200 + id) : k - pause;
  // One in seven gives no 形象进度 from July, after taking its highest figure back in June.
  const noProgress = (id * 3 + k * 11) % 17 === 0 || (id % 7 === 4 && day >= '2026-07-01');
  const takenBack = id % 7 === 4 && day >= '2026-06-01' ? 10 : 0;
  const progress = noProgress ? null : Math.min(100, stalled * 0.2 - (k % 29 === 0 ? 3 : 0) - takenBack);
  const lateCumulative = id % 6 === 0 && day < '2026-01-10';
  const noCumulative = id % 4 === 1 || (id + k) % 13 === 0 || lateCumulative || (id % 4 === 3 && day >= '2026-07-01');
  const month = id % 4 === 1 && (id + k) % 3 !== 0 ? (k % 30) * 10 : null;
  return { progress, cumulative: noCumulative ? null : 100 + stalled * 7, month };
}

describe('statsInput reads fewer rows, with the same figures', () => {
  let dir: string;
  let db: Db;
  let s: Stores;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-source-'));
    db = openDb(path.join(dir, 'r.db'));
    s = createStores(db);
    seedDistrict(db, s, { projects: 48, from: '2025-07-01', to: '2026-11-30', boundAt: '2025-06-20T09:00:00+08:00', report: irregular, everyDay: true, extras: true });
    // Some started in 2025; some have no planned start and are not 入库 (their start is their first report).
    const changed = s.projects.list().flatMap((p): Project[] =>
      p.id % 6 === 0 ? [{ ...p, plannedStart: '2025-03-01' }] : p.id % 10 === 5 ? [{ ...p, plannedStart: null, registered: false }] : [],
    );
    s.projects.upsert(changed, new Date('2025-06-20T09:00:00+08:00'));
    // On some days the leader comments twice: once later, once sooner, at odd minutes and seconds.
    db.prepare(
      `INSERT INTO comments (report_id, project_id, date, person_id, text, message_id, created_at, reported_at)
       SELECT report_id, project_id, date, person_id, '再看', message_id, strftime('%Y-%m-%dT%H:%M:%S+08:00', reported_at, '+8 hours', '+' || (id % 3 + 1) || ' hours', '+' || (id * 7 % 60) || ' minutes', '+' || (id % 7) || ' seconds'), reported_at
       FROM comments WHERE id % 4 = 0`,
    ).run();
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const isWorkday = calendar.isWorkday;

  /** Every current report from `from` to `to`, and each project's latest one before `from`, as the statistics take them. */
  function everyRow(from: string, to: string): StatsReport[] {
    return db
      .prepare<[string, string, string], StatsReport>(
        `SELECT r.project_id AS projectId, r.date, r.progress_percent AS progressPercent, r.investment_cumulative AS investmentCumulative,
                r.investment_month AS investmentMonth
         FROM reports r
         WHERE r.current = 1
           AND (r.date BETWEEN ? AND ? OR r.date = (SELECT MAX(b.date) FROM reports b WHERE b.current = 1 AND b.project_id = r.project_id AND b.date < ?))
         ORDER BY r.project_id, r.date`,
      )
      .all(from, to, from);
  }
  /** Every comment, timed from the first time its day was reported. */
  function everyComment(): StatsComment[] {
    const rows = db
      .prepare<[], { projectId: number; date: string; personId: number; createdAt: string; reportedAt: string }>(
        `SELECT c.project_id AS projectId, c.date, c.person_id AS personId, c.created_at AS createdAt,
                (SELECT MIN(v.created_at) FROM reports v WHERE v.project_id = c.project_id AND v.date = c.date) AS reportedAt
         FROM comments c`,
      )
      .all();
    return rows.map((c) => ({ projectId: c.projectId, date: c.date, personId: c.personId, delayHours: (Date.parse(c.createdAt) - Date.parse(c.reportedAt)) / 3_600_000 }));
  }
  const cases: [PeriodKind, string, string][] = [
    ['month', '2026-11', '2026-12-01'],
    // Run before the month is over: rows after today are read and must count nowhere.
    ['month', '2026-11', '2026-11-20'],
    ['month', '2026-07', '2026-08-01'],
    ['month', '2026-02', '2026-03-01'],
    ['month', '2026-01', '2026-02-01'],
    ['week', '2026-W48', '2026-11-30'],
    ['week', '2026-W01', '2026-01-05'],
    ['day', '2026-11-24', '2026-11-24'],
    ['year', '2026', '2026-11-30'],
  ];

  it.each(cases)('%s %s', (kind, spec, today) => {
    const period = periodOf(kind, spec, today);
    const reduced = statsInput(s, period, today, isWorkday, DEFAULT_THRESHOLDS);
    // Rows and comments after today are left out: the statistics must not count them.
    const asOf = today < period.to ? today : period.to;
    const full = { ...reduced, reports: everyRow('2000-01-01', asOf), reportedDays: undefined, firstReported: undefined, comments: everyComment().filter((c) => c.date <= asOf) };
    if (spec === '2026-11') expect(reduced.reports.length).toBeLessThan(full.reports.length / 2);
    const prepared = prepareStats(reduced);
    for (const g of ['district', 'town', 'unit', 'leader'] as Grouping[]) {
      expect(computeStats(prepared, g)).toEqual(computeStats(full, g));
    }
    // The period before, overall, as a monthly bulletin compares with it from the same rows when it is
    // in the same year (across a new year the bulletin reads the period before on its own).
    if (reduced.previous!.to.slice(0, 4) === period.to.slice(0, 4)) {
      const previous = { period: reduced.previous!, previous: previousPeriod(reduced.previous!) };
      // As the bulletin makes them, sharing the lights on the last day of the period before; against
      // rows that end with that period.
      const upToIt = full.reports.filter((r) => r.date <= previous.period.to);
      expect(overallBefore(prepared)).toEqual(computeStats({ ...full, ...previous, reports: upToIt }).overall);
    }
  });
});
