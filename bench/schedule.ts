import path from 'node:path';
import { openDb } from '../src/store/db';
import { createStores } from '../src/chat/context';
import { computeWarnings } from '../src/jobs/warnings';
import { DEFAULT_THRESHOLDS, STREAK_LOOKBACK_DAYS } from '../src/rules/warnings';
import { WorkCalendar } from '../src/calendar/calendar';
import { addDays, shanghaiIso } from '../src/time/clock';
import { readScenario } from '../src/sandbox/scenario';
import { simulate } from '../src/sandbox/simulate';

const STATUSES = ['在建', '在建', '在建', '未开工'] as const;

function project(i: number) {
  return {
    name: `示范项目${i}号`,
    status: STATUSES[i % STATUSES.length]!,
    unit: `责任单位${i % 40}`,
    liaison: `联络员${i}`,
    leader: `领导${i % 25}`,
    plannedStart: i % 4 === 3 ? '2026-10-01' : '2026-01-15',
    plannedFinish: '2027-12-31',
    registered: i % 5 === 0 ? '否' : '是',
    totalInvestment: 50000,
  };
}

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
  const now = new Date('2026-11-25T09:00:00+08:00');
  const n = 5000;
  s.projects.upsert(
    Array.from({ length: n }, (_, i) => {
      const p = project(i + 1);
      return { ...p, aliases: [], category: '区重点', chain: null, town: null, annualPlan: null, registered: p.registered === '是', status: p.status };
    }),
    now,
  );
  db.transaction(() => {
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'bench', 'text', ?, ?)").run(shanghaiIso(now), shanghaiIso(now));
    const group = db.prepare("INSERT INTO groups (topic, created_at) VALUES ('群', ?) RETURNING id").pluck().get(shanghaiIso(now)) as number;
    const bind = db.prepare("INSERT INTO group_projects (group_id, project_id, bound_at) VALUES (?, ?, '2025-11-20T09:00:00+08:00')");
    const insert = db.prepare(
      'INSERT INTO reports (project_id, date, revision, current, message_id, progress_percent, problems, flags, created_at) VALUES (?, ?, 1, 1, 1, ?, \'[]\', \'[]\', ?)',
    );
    const created = shanghaiIso(now);
    for (let id = 1; id <= n; id++) {
      bind.run(group, id);
      let day = addDays(today, -365);
      for (let k = 0; day < today; day = addDays(day, 1), k++) {
        // Each project stops reporting a few days before today at its own point, to give every rung of the ladder.
        if (calendar.isWorkday(day) && !(day > addDays(today, -(id % 6)) && id % 3 === 0)) insert.run(id, day, Math.min(100, k / 4), created);
      }
    }
  })();
  const rows = db.prepare('SELECT COUNT(*) FROM reports').pluck().get() as number;

  computeWarnings(s, today, calendar.isWorkday, DEFAULT_THRESHOLDS); // warm up
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
