import type { Db } from './db';
import type { Report, ReportFigures, StoredReport } from '../domain/report';
import { shanghaiIso } from '../time/clock';

interface ReportRow {
  id: number;
  project_id: number;
  date: string;
  revision: number;
  message_id: number;
  person_id: number | null;
  progress_percent: number | null;
  progress_text: string | null;
  today_work: string | null;
  workers: number | null;
  machines: number | null;
  investment_cumulative: number | null;
  investment_month: number | null;
  problems: string;
  next_plan: string | null;
  flags: string;
  created_at: string;
  notes: string | null;
  correction: number;
  pending: number;
}

const toReport = (r: ReportRow): StoredReport => ({
  id: r.id,
  projectId: r.project_id,
  date: r.date,
  revision: r.revision,
  messageId: r.message_id,
  personId: r.person_id,
  progressPercent: r.progress_percent,
  progressText: r.progress_text,
  todayWork: r.today_work,
  workers: r.workers,
  machines: r.machines,
  investmentCumulative: r.investment_cumulative,
  investmentMonth: r.investment_month,
  problems: JSON.parse(r.problems) as string[],
  nextPlan: r.next_plan,
  flags: JSON.parse(r.flags) as string[],
  createdAt: r.created_at,
  ...(r.notes !== null && { notes: JSON.parse(r.notes) as Report['notes'] }),
  ...(r.correction === 1 && { correction: true as const }),
  ...(r.pending === 1 && { pending: true as const }),
});

/** project_id, date, progress_percent, investment_cumulative, investment_month. */
type StatsRow = [number, string, number | null, number | null, number | null];
/** `report_month_figures` lists each report as four values in one flat array: day of the month, 形象进度, 累计, 本月. */
const PACKED = 4;

export interface NewReport {
  projectId: number;
  report: Report;
  messageId: number;
  personId: number | null;
  flags: string[];
  now: Date;
  /** Kept beside the day's current report, not replacing it, until confirmed (see `promote`). */
  pending?: boolean;
}

/** Daily reports. A new report for the same project and day supersedes the current one; no version is ever deleted. */
export class ReportStore {
  private lastRevision;
  private retire;
  private insert;
  private current;
  private before;
  private recent;
  private reportedOn;
  private byId;
  private inGroupSince;
  private historyFrom;
  private monthFigures;
  private deciding;
  private dayMasks;
  private firstDates;
  private staleMonths;
  private summarise;
  private writeFigures;
  private unmark;
  private allVersions;
  private promoteOne;
  private pendingOf;

  constructor(private db: Db) {
    this.lastRevision = db
      .prepare<[number, string], number | null>('SELECT MAX(revision) FROM reports WHERE project_id = ? AND date = ?')
      .pluck();
    this.retire = db.prepare<[number, string]>('UPDATE reports SET current = 0 WHERE project_id = ? AND date = ? AND current = 1');
    this.insert = db.prepare(
      `INSERT INTO reports
         (project_id, date, revision, current, message_id, person_id, progress_percent, progress_text, today_work,
          workers, machines, investment_cumulative, investment_month, problems, next_plan, flags, created_at,
          notes, correction, pending)
       VALUES (@projectId, @date, @revision, @current, @messageId, @personId, @progressPercent, @progressText, @todayWork,
          @workers, @machines, @investmentCumulative, @investmentMonth, @problems, @nextPlan, @flags, @createdAt,
          @notes, @correction, @pending)
       RETURNING *`,
    );
    this.current = db.prepare<[number, string], ReportRow>('SELECT * FROM reports WHERE project_id = ? AND date = ? AND current = 1');
    this.before = db.prepare<[number, string], ReportRow>(
      'SELECT * FROM reports WHERE project_id = ? AND date < ? AND current = 1 ORDER BY date DESC LIMIT 1',
    );
    this.recent = db.prepare<[number, number], ReportRow>(
      'SELECT * FROM reports WHERE project_id = ? AND current = 1 ORDER BY date DESC LIMIT ?',
    );
    this.reportedOn = db
      .prepare<[string], number>('SELECT project_id FROM reports WHERE date = ? AND current = 1')
      .pluck();
    this.byId = db.prepare<[number], ReportRow>('SELECT * FROM reports WHERE id = ?');
    this.promoteOne = db.prepare<[number], ReportRow>('UPDATE reports SET current = 1, pending = 0 WHERE id = ? RETURNING *');
    this.pendingOf = db.prepare<[number], ReportRow>('SELECT * FROM reports WHERE project_id = ? AND pending = 1 ORDER BY id DESC LIMIT 1');
    this.historyFrom = db
      .prepare<[string], [number, string, number | null]>(
        'SELECT project_id, date, progress_percent FROM reports WHERE current = 1 AND date >= ? ORDER BY date',
      )
      .raw();
    // Each month's figures as report_month_figures keeps them ready: a JSON text V8 parses far faster than the
    // driver hands over rows one value at a time.
    this.monthFigures = db
      .prepare<[string, string], [number, string, string]>(
        // By key, per project: a scan of the table would read every month ever summarised.
        `SELECT f.project_id, f.month, f.figures FROM projects p JOIN report_month_figures f ON f.project_id = p.id AND f.month BETWEEN ? AND ?
         ORDER BY p.id, f.month`,
      )
      .raw();
    // The rows before the detailed months that decide a figure (see figuresBetween), per project from its
    // months in [@from, @detail): its latest row before them (a baseline), its first and last, last with
    // 形象进度 and with 累计, first with 累计 in the year and last before it, each month's last with 本月完成投资
    // in the year, and the first day of its highest 形象进度. Read from the covering index.
    this.deciding = db
      .prepare<[{ from: string; detail: string; year: string }], StatsRow>(
        `WITH m AS (SELECT * FROM report_months WHERE month >= @from AND month < @detail),
         a AS MATERIALIZED (
           SELECT project_id, MIN(first_date) AS first, MAX(last_date) AS last, MAX(high) AS high,
                  MAX(last_progress_date) AS lp, MAX(last_cumulative_date) AS lc,
                  MIN(CASE WHEN month >= @year THEN first_cumulative_date END) AS fcy,
                  MAX(CASE WHEN month < @year THEN last_cumulative_date END) AS lcb
           FROM m GROUP BY project_id),
         d(project_id, date) AS (
           SELECT p.id, (SELECT b.last_date FROM report_months b WHERE b.project_id = p.id AND b.month < @from ORDER BY b.month DESC LIMIT 1)
           FROM projects p
           UNION ALL SELECT project_id, first FROM a
           UNION ALL SELECT project_id, last FROM a
           UNION ALL SELECT project_id, lp FROM a
           UNION ALL SELECT project_id, lc FROM a
           UNION ALL SELECT project_id, fcy FROM a
           UNION ALL SELECT project_id, lcb FROM a
           UNION ALL SELECT project_id, last_month_date FROM m WHERE month >= @year
           UNION ALL SELECT m.project_id, MIN(m.high_date) FROM m JOIN a ON a.project_id = m.project_id AND m.high = a.high GROUP BY m.project_id)
         SELECT r.project_id, r.date, r.progress_percent, r.investment_cumulative, r.investment_month
         FROM (SELECT project_id, date FROM d WHERE date IS NOT NULL GROUP BY project_id, date) k
         CROSS JOIN reports r INDEXED BY reports_current_figures ON r.current = 1 AND r.project_id = k.project_id AND r.date = k.date
         ORDER BY r.project_id, r.date`,
      )
      .raw();
    // One month of a project, recounted: its current reports read over the month's date range in the
    // covering index.
    const monthRows = `FROM reports r INDEXED BY reports_current_figures
      WHERE r.current = 1 AND r.project_id = @projectId AND r.date BETWEEN @month || '-01' AND @month || '-31'`;
    this.staleMonths = db.prepare<[], { projectId: number; month: string }>('SELECT project_id AS projectId, month FROM report_months_stale');
    this.summarise = db.prepare<{ projectId: number; month: string }>(
      `INSERT OR REPLACE INTO report_months
       SELECT a.project_id, @month, a.first_date, a.last_date, a.high,
              (SELECT MIN(r.date) ${monthRows} AND r.progress_percent = a.high),
              a.lp, a.fc, a.lc, a.lm, a.days
       FROM (SELECT r.project_id, MIN(r.date) AS first_date, MAX(r.date) AS last_date, MAX(r.progress_percent) AS high,
                    MAX(CASE WHEN r.progress_percent IS NOT NULL THEN r.date END) AS lp,
                    MIN(CASE WHEN r.investment_cumulative IS NOT NULL THEN r.date END) AS fc,
                    MAX(CASE WHEN r.investment_cumulative IS NOT NULL THEN r.date END) AS lc,
                    MAX(CASE WHEN r.investment_month IS NOT NULL THEN r.date END) AS lm,
                    SUM(1 << (CAST(substr(r.date, 9, 2) AS INTEGER) - 1)) AS days
             ${monthRows} GROUP BY r.project_id) a`,
    );
    this.writeFigures = db.prepare<{ projectId: number; month: string }>(
      `INSERT OR REPLACE INTO report_month_figures
       SELECT project_id, @month, '[' || group_concat(substr(row, 2, length(row) - 2), ',' ORDER BY date) || ']'
       FROM (SELECT r.project_id, r.date,
                    json_array(CAST(substr(r.date, 9, 2) AS INTEGER), r.progress_percent, r.investment_cumulative, r.investment_month) AS row
             ${monthRows})
       GROUP BY project_id`,
    );
    this.unmark = db.prepare<{ projectId: number; month: string }>('DELETE FROM report_months_stale WHERE project_id = @projectId AND month = @month');
    this.dayMasks = db
      .prepare<[string, string], [number, string, number]>('SELECT project_id, month, days FROM report_months WHERE month >= ? AND month < ?')
      .raw();
    this.firstDates = db
      .prepare<[], [number, string | null]>(
        'SELECT p.id, (SELECT m.first_date FROM report_months m WHERE m.project_id = p.id ORDER BY m.month LIMIT 1) FROM projects p',
      )
      .raw();
    this.allVersions = db.prepare<[string, string], ReportRow>('SELECT * FROM reports WHERE date BETWEEN ? AND ? ORDER BY date, project_id, revision');
    this.inGroupSince = db.prepare<[number, string], ReportRow>(
      `SELECT r.* FROM reports r JOIN messages m ON m.id = r.message_id
       WHERE m.group_id = ? AND r.created_at >= ? AND r.current = 1 ORDER BY r.id DESC LIMIT 1`,
    );
  }

  /** Stores a report as the day's current version, keeping earlier versions. */
  save(n: NewReport): StoredReport {
    const { report } = n;
    return this.db.transaction(() => {
      const revision = (this.lastRevision.get(n.projectId, report.date) ?? 0) + 1;
      if (!n.pending) this.retire.run(n.projectId, report.date);
      const row = this.insert.get({
        projectId: n.projectId,
        date: report.date,
        revision,
        current: n.pending ? 0 : 1,
        pending: n.pending ? 1 : 0,
        notes: report.notes && Object.keys(report.notes).length ? JSON.stringify(report.notes) : null,
        correction: report.correction ? 1 : 0,
        messageId: n.messageId,
        personId: n.personId,
        progressPercent: report.progressPercent,
        progressText: report.progressText,
        todayWork: report.todayWork,
        workers: report.workers,
        machines: report.machines,
        investmentCumulative: report.investmentCumulative,
        investmentMonth: report.investmentMonth,
        problems: JSON.stringify(report.problems),
        nextPlan: report.nextPlan,
        flags: JSON.stringify(n.flags),
        createdAt: shanghaiIso(n.now),
      }) as ReportRow;
      return toReport(row);
    })();
  }

  /** Makes a kept submission the day's current report (the earlier current one is kept as a version). */
  promote(id: number): StoredReport | undefined {
    return this.db.transaction(() => {
      const row = this.byId.get(id);
      if (!row || row.pending !== 1) return undefined;
      this.retire.run(row.project_id, row.date);
      return toReport(this.promoteOne.get(id) as ReportRow);
    })();
  }

  /** The newest submission of a project still awaiting confirmation, if any. */
  latestPending(projectId: number): StoredReport | undefined {
    const row = this.pendingOf.get(projectId);
    return row && toReport(row);
  }

  currentFor(projectId: number, date: string): StoredReport | undefined {
    const row = this.current.get(projectId, date);
    return row && toReport(row);
  }

  /** The latest current report dated before `date`. */
  latestBefore(projectId: number, date: string): StoredReport | undefined {
    const row = this.before.get(projectId, date);
    return row && toReport(row);
  }

  recentFor(projectId: number, limit: number): StoredReport[] {
    return this.recent.all(projectId, limit).map(toReport);
  }

  projectIdsReportedOn(date: string): Set<number> {
    return new Set(this.reportedOn.all(date));
  }


  get(id: number): StoredReport | undefined {
    const row = this.byId.get(id);
    return row && toReport(row);
  }

  /** The newest current report posted in a group since a moment (ISO, +08:00). */
  latestInGroupSince(groupId: number, sinceIso: string): StoredReport | undefined {
    const row = this.inGroupSince.get(groupId, sinceIso);
    return row && toReport(row);
  }

  /**
   * For every project, the dates it reported on since `from` and the 形象进度 it gave, oldest first:
   * one pass over a covering index for all projects at once.
   */
  historySince(from: string): Map<number, { dates: Set<string>; progress: { date: string; percent: number }[] }> {
    const out = new Map<number, { dates: Set<string>; progress: { date: string; percent: number }[] }>();
    for (const [projectId, date, percent] of this.historyFrom.all(from)) {
      let h = out.get(projectId);
      if (!h) out.set(projectId, (h = { dates: new Set(), progress: [] }));
      h.dates.add(date);
      if (percent !== null) h.progress.push({ date, percent });
    }
    return out;
  }

  /**
   * Current reports for the statistics, by project and date, without turning a year of rows into
   * objects: every one from `detailFrom` to `to`; before that, back to `from`, only the rows that decide
   * a figure — a project's first and last, its last with 形象进度 and with 累计完成投资, its first with 累计
   * in `year` and last before it, the first to reach its highest 形象进度, each month's last with 本月完成投资
   * in `year` — and its latest one before `from` (a baseline). With `detailFrom` equal to `from`, all rows.
   * The other days reported on before `detailFrom` are in `reportedDays`.
   * The older rows are found from `report_months`, so `from` and `detailFrom` begin a month.
   */
  figuresBetween(from: string, to: string, detailFrom = from, year = `${to.slice(0, 4)}-01-01`): ReportFigures[] {
    if (!from.endsWith('-01') || !detailFrom.endsWith('-01') || detailFrom < from) {
      throw new RangeError(`figuresBetween needs months: from ${from}, detailFrom ${detailFrom}`);
    }
    this.refreshMonths();
    const older = this.deciding.all({ from: from.slice(0, 7), detail: detailFrom.slice(0, 7), year: year.slice(0, 7) });
    const out: ReportFigures[] = [];
    const push = ([projectId, date, progressPercent, investmentCumulative, investmentMonth]: StatsRow) =>
      out.push({ projectId, date, progressPercent, investmentCumulative, investmentMonth });
    // A month's dates are made once and shared by every project's rows.
    const dates = new Map<string, string[]>();
    // Both come by project, and a project's older rows all precede its detailed ones.
    let k = 0;
    for (const [projectId, month, json] of this.monthFigures.iterate(detailFrom.slice(0, 7), to.slice(0, 7))) {
      while (k < older.length && older[k]![0] <= projectId) push(older[k++]!);
      let days = dates.get(month);
      if (!days) dates.set(month, (days = Array.from({ length: 32 }, (_, d) => `${month}-${String(d).padStart(2, '0')}`)));
      // One flat array per month: V8 makes no array per report.
      const rows = JSON.parse(json) as (number | null)[];
      for (let i = 0; i < rows.length; i += PACKED) {
        const date = days[rows[i]!]!;
        if (date > to) break;
        const progressPercent = rows[i + 1] as number | null;
        const investmentCumulative = rows[i + 2] as number | null;
        const investmentMonth = rows[i + 3] as number | null;
        out.push({ projectId, date, progressPercent, investmentCumulative, investmentMonth });
      }
    }
    while (k < older.length) push(older[k++]!);
    return out;
  }

  /**
   * Recounts the months whose reports changed since they were last summarised (report_months,
   * report_month_figures); returns how many. The statistics' reads do it first.
   */
  refreshMonths(): number {
    return this.db.transaction(() => {
      const stale = this.staleMonths.all();
      for (const m of stale) {
        this.summarise.run(m);
        this.writeFigures.run(m);
        this.unmark.run(m);
      }
      return stale.length;
    })();
  }

  /**
   * The days each project reported on in the months from `from` to before `before` (both `YYYY-MM`):
   * per project and month a bit mask, bit d-1 set for a report on day d.
   */
  reportedDays(from: string, before: string): Map<number, Map<string, number>> {
    this.refreshMonths();
    const out = new Map<number, Map<string, number>>();
    for (const [projectId, month, days] of this.dayMasks.iterate(from, before)) {
      const months = out.get(projectId);
      if (months) months.set(month, days);
      else out.set(projectId, new Map([[month, days]]));
    }
    return out;
  }

  /** The day of each project's first report, for the projects that have reported. */
  firstReportDates(): Map<number, string> {
    this.refreshMonths();
    const out = new Map<number, string>();
    for (const [projectId, date] of this.firstDates.iterate()) if (date !== null) out.set(projectId, date);
    return out;
  }

  /** Every version of every report dated between two dates (inclusive), for export. */
  versionsBetween(from: string, to: string): StoredReport[] {
    return this.allVersions.all(from, to).map(toReport);
  }
}
