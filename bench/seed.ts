import type { Db } from '../src/store/db';
import type { Stores } from '../src/store/stores';
import { WorkCalendar } from '../src/core/calendar';
import { addDays, shanghaiIso } from '../src/time/clock';

const STATUSES = ['在建', '在建', '在建', '未开工'] as const;
export const TOWNS = ['城关街道', '东城街道', '西城街道', '南湖镇', '北山镇', '河口镇', '青石镇', '高新园区'] as const;
export const UNITS = 25;
export const LEADERS = 25;

/** A registry project as the sandbox scenarios take it. */
export function project(i: number) {
  return {
    name: `示范项目${i}号`,
    status: STATUSES[i % STATUSES.length]!,
    unit: `责任单位${i % UNITS}`,
    liaison: `联络员${i}`,
    leader: `领导${i % LEADERS}`,
    plannedStart: i % 4 === 3 ? '2026-10-01' : '2026-01-15',
    plannedFinish: '2027-12-31',
    registered: i % 5 === 0 ? '否' : '是',
    totalInvestment: 50000,
  };
}

/** What a project reports on a day (万元, percent). */
export interface DayFigures {
  progress: number | null;
  cumulative: number | null;
  month: number | null;
}

export interface SeedOptions {
  projects: number;
  /** First and last day reported (inclusive). */
  from: string;
  to: string;
  /** When every project's group was bound (ISO, +08:00). */
  boundAt: string;
  /** The figures project `id` reports on workday `day` (`k` calendar days after `from`); null when it misses the day. */
  report: (id: number, day: string, k: number) => DayFigures | null;
  /** Asks `report` about weekends and holidays too (some sites report on them). */
  everyDay?: boolean;
  /** Also a few corrected reports, problems carried in reports, and leaders' comments. */
  extras?: boolean;
}

/**
 * A district straight into SQLite, projects through the store and reports by prepared statements
 * (saving a year of reports one by one through the store would take minutes): projects with 镇街,
 * 责任单位 and annual plans, one group per 4 projects, a 帮包领导 per project bound as a person.
 * Returns the number of report rows (all versions).
 */
export function seedDistrict(db: Db, s: Stores, o: SeedOptions): number {
  const calendar = new WorkCalendar();
  const now = new Date(o.boundAt);
  const created = shanghaiIso(now);
  s.projects.upsert(
    Array.from({ length: o.projects }, (_, k) => {
      const i = k + 1;
      const p = project(i);
      // 0.2–1.6 亿 a year; one project in 17 has no annual plan (its completion rate stays out).
      const annualPlan = i % 17 === 0 ? null : 2000 + ((i * 37) % 29) * 500;
      return {
        ...p,
        aliases: [],
        category: i % 6 === 0 ? '市重点' : '区重点',
        chain: i % 3 === 0 ? '新材料' : null,
        // Not i % 8: the status repeats every 4, and whole 镇街 would have nothing started.
        town: TOWNS[(i * 7 + Math.floor(i / 8)) % TOWNS.length]!,
        totalInvestment: annualPlan === null ? 50000 : annualPlan * (2 + (i % 4)),
        annualPlan,
        registered: p.registered === '是',
        status: p.status,
      };
    }),
    now,
  );
  let rows = 0;
  db.transaction(() => {
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'bench', 'text', ?, ?)").run(created, created);
    const person = db.prepare<[string, string, string], number>('INSERT INTO persons (puppet_contact_id, name, created_at) VALUES (?, ?, ?) RETURNING id').pluck();
    const leaders = Array.from({ length: LEADERS }, (_, l) => person.get(`wx-leader-${l}`, `领导${l}`, created)!);
    const group = db.prepare<[string, string], number>('INSERT INTO groups (topic, created_at) VALUES (?, ?) RETURNING id').pluck();
    const bind = db.prepare('INSERT INTO group_projects (group_id, project_id, bound_at) VALUES (?, ?, ?)');
    const role = db.prepare("INSERT INTO project_roles (project_id, role, person_id, assigned_at) VALUES (?, 'leader', ?, ?)");
    const insert = db.prepare(
      `INSERT INTO reports (project_id, date, revision, current, message_id, progress_percent, investment_cumulative, investment_month, problems, created_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    const comment = db.prepare(
      "INSERT INTO comments (report_id, project_id, date, person_id, text, message_id, created_at, reported_at) VALUES (?, ?, ?, ?, '收到，抓紧推进', 1, ?, ?)",
    );
    const problem = db.prepare<[number, string, string, string, string, string | null, string], number>(
      'INSERT INTO problems (project_id, text, first_date, last_date, status, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    ).pluck();
    const link = db.prepare('INSERT INTO problem_reports (problem_id, report_id) VALUES (?, ?)');
    const iso = (day: string, hour: number, minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
    let groupId = 0;
    for (let id = 1; id <= o.projects; id++) {
      if (id % 4 === 1) groupId = group.get(`项目工作群${Math.ceil(id / 4)}`, created)!;
      bind.run(groupId, id, o.boundAt);
      const leader = leaders[id % LEADERS]!;
      role.run(id, leader, created);
      // One project in ten raises a problem that it carries for three weeks; half of those get closed (销号).
      const raises = o.extras && id % 10 === 3;
      const raisedOn = addDays(o.from, 30 + ((id * 37) % 300));
      const until = addDays(raisedOn, 20);
      const text = `施工用电未接入（${id}）`;
      const carried: number[] = [];
      let k = 0;
      for (let day = o.from; day <= o.to; day = addDays(day, 1), k++) {
        if (!o.everyDay && !calendar.isWorkday(day)) continue;
        const f = o.report(id, day, k);
        if (!f) continue;
        const at = iso(day, 9 + (id % 8), (id * 7 + k) % 60);
        const problems = raises && day >= raisedOn && day <= until ? JSON.stringify([text]) : '[]';
        // About one report in fifty is corrected the same evening: the morning's version stays, superseded.
        const corrected = o.extras && (id * 13 + k) % 50 === 0;
        if (corrected) {
          insert.run(id, day, 1, 0, f.progress === null ? null : Math.max(0, f.progress - 1), f.cumulative, f.month, problems, at);
          rows++;
        }
        const reportId = Number(insert.run(id, day, corrected ? 2 : 1, 1, f.progress, f.cumulative, f.month, problems, corrected ? iso(day, 18, 30) : at).lastInsertRowid);
        rows++;
        if (problems !== '[]') carried.push(reportId);
        // The leader comments on about one reported day in five, one to twenty hours later.
        if (o.extras && (id + k) % 5 === 0) comment.run(reportId, id, day, leader, shanghaiIso(new Date(Date.parse(at) + (1 + ((id + k) % 20)) * 3_600_000)), at);
      }
      if (carried.length) {
        const closed = id % 20 === 3 && until < o.to;
        const problemId = problem.get(id, text, raisedOn, until, closed ? 'closed' : 'open', closed ? iso(addDays(until, 2), 16, 0) : null, iso(raisedOn, 10, 0))!;
        for (const r of carried) link.run(problemId, r);
      }
    }
  })();
  return rows;
}
