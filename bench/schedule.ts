import path from 'node:path';
import { openDb } from '../src/store/db';
import { createStores } from '../src/store/stores';
import { computeWarnings } from '../src/jobs/warnings';
import { DEFAULT_THRESHOLDS, STREAK_LOOKBACK_DAYS } from '../src/core/rules/warnings';
import { WorkCalendar } from '../src/core/calendar';
import { addDays } from '../src/time/clock';
import { readScenario } from '../src/sandbox/scenario';
import { simulate } from '../src/sandbox/simulate';
import { project, seedDistrict } from './seed';

/** A simulated week of the real bot: 500 projects in 100 groups, most reporting each workday. */
export async function benchWeek(tmp: string): Promise<{ seconds: number; messages: number }> {
  const projects = Array.from({ length: 500 }, (_, i) => project(i + 1));
  const groups = Array.from({ length: 100 }, (_, g) => {
    const mine = projects.slice(g * 5, g * 5 + 5);
    return { topic: `项目工作群${g + 1}`, members: [...mine.map((p) => p.liaison), mine[0]!.leader, '李主任'], projects: mine.map((p) => p.name) };
  });
  groups.push({ topic: '全区重点项目调度群', members: ['李主任'], projects: [], dispatch: true } as never);
  const steps: unknown[] = [];
  for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
    groups.slice(0, 100).forEach((g, gi) =>
      g.projects.forEach((name, k) => {
        // About one project in ten skips a day, so reminders and warnings have work to do.
        if ((gi + k + day.charCodeAt(9)) % 10 === 0) return;
        const minute = String((gi + k * 7) % 60).padStart(2, '0');
        steps.push({
          at: `${day}T${10 + (k % 5)}:${minute}:00+08:00`,
          group: g.topic,
          from: projects.find((p) => p.name === name)!.liaison,
          text: `#日报 项目：${name}；形象进度：${30 + k}%；今日进展：主体施工；人数：${40 + k}；累计完成投资：${1000 + gi}万元；存在问题：无`,
        });
      }),
    );
  }
  (steps as { at: string }[]).sort((a, b) => a.at.localeCompare(b.at));
  steps.push({ until: '2026-11-30T10:00:00+08:00' });
  const read = readScenario({ start: '2026-11-23T08:00:00+08:00', registry: projects, admins: ['李主任'], groups, steps });
  if (!read.ok) throw new Error(read.errors.join('\n'));
  let messages = 0;
  const t0 = process.hrtime.bigint();
  const r = await simulate(read.scenario, { dbFile: path.join(tmp, 'week.db'), onSent: () => void messages++ });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, messages };
}

/** The warning computation for 5,000 projects with a year of daily reports, beside a plain SQL scan of the same rows. */
export function benchWarnings(tmp: string): { ms: number; sqlScanMs: number; warnings: number; rows: number } {
  const db = openDb(path.join(tmp, 'warnings.db'));
  const s = createStores(db);
  const calendar = new WorkCalendar();
  const today = '2026-11-25';
  const n = 5000;
  // Each project stops reporting a few days before today at its own point, to give every rung of the ladder.
  const rows = seedDistrict(db, s, {
    projects: n,
    from: addDays(today, -365),
    to: addDays(today, -1),
    boundAt: '2025-11-20T09:00:00+08:00',
    report: (id, day, k) => (day > addDays(today, -(id % 6)) && id % 3 === 0 ? null : { progress: Math.min(100, k / 4), cumulative: null, month: null }),
  });

  // Warm up; this also summarises the seeded months, once (as the first run after an upgrade would), for
  // the first-report dates the warnings read. A running bot's morning finds only that morning's reports to count.
  computeWarnings(s, today, calendar.isWorkday, DEFAULT_THRESHOLDS);
  const t0 = process.hrtime.bigint();
  const warnings = computeWarnings(s, today, calendar.isWorkday, DEFAULT_THRESHOLDS).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  // The same rows the warnings read (the streak look-back of current reports), fetched and nothing done to them.
  const scan = db.prepare('SELECT project_id, date, progress_percent FROM reports WHERE current = 1 AND date >= ? ORDER BY date').raw();
  const t1 = process.hrtime.bigint();
  const scanned = scan.all(addDays(today, -(STREAK_LOOKBACK_DAYS + 1))).length;
  const sqlScanMs = Number(process.hrtime.bigint() - t1) / 1e6;
  db.close();
  return { ms, sqlScanMs: scanned ? sqlScanMs : 0, warnings, rows };
}
