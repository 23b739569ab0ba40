import type { Db } from './db';
import type { Report } from '../report/types';
import { shanghaiIso } from '../time/clock';

/** One version of a project's report for a day, as stored (the typed project name resolved to `projectId`). */
export interface StoredReport extends Omit<Report, 'project'> {
  id: number;
  projectId: number;
  revision: number;
  messageId: number;
  personId: number | null;
  flags: string[];
  createdAt: string;
}

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
});

/** project_id, date, progress_percent, investment_cumulative, investment_month, first_at. */
type StatsRow = [number, string, number | null, number | null, number | null, string];

/**
 * A project's current reports over a span: project_id, first and last date, highest 形象进度, last date
 * with 形象进度, last with 累计, first with 累计 in the year and last before it, whether it gave
 * 本月完成投资 in the year.
 */
type Summary = [number, string, string, number | null, string | null, string | null, string | null, string | null, number | null];

/** A current report for the statistics: its figures and when the day was first reported. */
export interface ReportFigures {
  projectId: number;
  date: string;
  progressPercent: number | null;
  investmentCumulative: number | null;
  investmentMonth: number | null;
  firstReportedAt: string;
}

export interface NewReport {
  projectId: number;
  report: Report;
  messageId: number;
  personId: number | null;
  flags: string[];
  now: Date;
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
  private statsRows;
  private statsRow;
  private statsSummary;
  private monthLasts;
  private firstAtPercent;
  private latestDateBefore;
  private projectIds;
  private allVersions;

  constructor(private db: Db) {
    this.lastRevision = db
      .prepare<[number, string], number | null>('SELECT MAX(revision) FROM reports WHERE project_id = ? AND date = ?')
      .pluck();
    this.retire = db.prepare<[number, string]>('UPDATE reports SET current = 0 WHERE project_id = ? AND date = ? AND current = 1');
    this.insert = db.prepare(
      `INSERT INTO reports
         (project_id, date, revision, current, message_id, person_id, progress_percent, progress_text, today_work,
          workers, machines, investment_cumulative, investment_month, problems, next_plan, flags, created_at)
       VALUES (@projectId, @date, @revision, 1, @messageId, @personId, @progressPercent, @progressText, @todayWork,
          @workers, @machines, @investmentCumulative, @investmentMonth, @problems, @nextPlan, @flags, @createdAt)
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
    this.historyFrom = db
      .prepare<[string], [number, string, number | null]>(
        'SELECT project_id, date, progress_percent FROM reports WHERE current = 1 AND date >= ? ORDER BY date',
      )
      .raw();
    // The first version's time is looked up only for corrected days: a current revision 1 is the day's
    // only version (`save` numbers versions upwards). Every other column read is in the index
    // reports_current_figures, so SQLite answers from the index alone.
    const columns = `r.project_id, r.date, r.progress_percent, r.investment_cumulative, r.investment_month,
      CASE WHEN r.revision = 1 THEN r.created_at
           ELSE (SELECT MIN(x.created_at) FROM reports x WHERE x.project_id = r.project_id AND x.date = r.date) END`;
    this.statsRows = db
      .prepare<[string, string], StatsRow>(
        `SELECT ${columns} FROM reports r INDEXED BY reports_current_figures
         WHERE r.current = 1 AND r.date BETWEEN ? AND ? ORDER BY r.project_id, r.date`,
      )
      .raw();
    this.statsRow = db.prepare<[number, string], StatsRow>(`SELECT ${columns} FROM reports r WHERE r.current = 1 AND r.project_id = ? AND r.date = ?`).raw();
    // What each project's older rows hold, in one pass over the index, for figuresBetween to pick the rows that decide a figure.
    this.statsSummary = db
      .prepare<[{ from: string; detail: string; year: string }], Summary>(
        `SELECT project_id, MIN(date), MAX(date), MAX(progress_percent),
                MAX(CASE WHEN progress_percent IS NOT NULL THEN date END),
                MAX(CASE WHEN investment_cumulative IS NOT NULL THEN date END),
                MIN(CASE WHEN investment_cumulative IS NOT NULL AND date >= @year THEN date END),
                MAX(CASE WHEN investment_cumulative IS NOT NULL AND date < @year THEN date END),
                MAX(CASE WHEN investment_month IS NOT NULL AND date >= @year THEN 1 END)
         FROM reports INDEXED BY reports_current_figures
         WHERE current = 1 AND date >= @from AND date < @detail
         GROUP BY project_id`,
      )
      .raw();
    this.monthLasts = db
      .prepare<[number, string, string], string>(
        `SELECT MAX(date) FROM reports WHERE current = 1 AND project_id = ? AND date >= ? AND date < ? AND investment_month IS NOT NULL
         GROUP BY substr(date, 1, 7)`,
      )
      .pluck();
    this.firstAtPercent = db
      .prepare<[number, string, string, number], string | null>(
        'SELECT MIN(date) FROM reports WHERE current = 1 AND project_id = ? AND date >= ? AND date < ? AND progress_percent = ?',
      )
      .pluck();
    this.latestDateBefore = db
      .prepare<[number, string], string | null>('SELECT MAX(date) FROM reports WHERE current = 1 AND project_id = ? AND date < ?')
      .pluck();
    this.projectIds = db.prepare<[], number>('SELECT id FROM projects ORDER BY id').pluck();
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
      this.retire.run(n.projectId, report.date);
      const row = this.insert.get({
        projectId: n.projectId,
        date: report.date,
        revision,
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
   */
  figuresBetween(from: string, to: string, detailFrom = from, year = `${to.slice(0, 4)}-01-01`): ReportFigures[] {
    const older = this.decidingRows(from, detailFrom, year);
    const out: ReportFigures[] = [];
    const push = ([projectId, date, progressPercent, investmentCumulative, investmentMonth, firstReportedAt]: StatsRow) =>
      out.push({ projectId, date, progressPercent, investmentCumulative, investmentMonth, firstReportedAt });
    // Both come by project and date, and a project's older rows all precede its detailed ones.
    let k = 0;
    for (const row of this.statsRows.iterate(detailFrom, to)) {
      while (k < older.length && older[k]![0] <= row[0]) push(older[k++]!);
      push(row);
    }
    while (k < older.length) push(older[k++]!);
    return out;
  }

  /** The rows before `detailFrom` that decide a figure (see figuresBetween), by project and date. */
  private decidingRows(from: string, detailFrom: string, year: string): StatsRow[] {
    const summaries = new Map<number, Summary>();
    for (const sum of this.statsSummary.iterate({ from, detail: detailFrom, year })) summaries.set(sum[0], sum);
    const rows: StatsRow[] = [];
    for (const id of this.projectIds.all()) {
      const dates = new Set<string>();
      const add = (d: string | null | undefined) => d && dates.add(d);
      add(this.latestDateBefore.get(id, from));
      const sum = summaries.get(id);
      if (sum) {
        const [, first, last, high, lastProgress, lastCumulative, firstCumulativeInYear, lastCumulativeBefore, monthly] = sum;
        for (const d of [first, last, lastProgress, lastCumulative, firstCumulativeInYear, lastCumulativeBefore]) add(d);
        if (monthly) for (const d of this.monthLasts.all(id, year, detailFrom)) add(d);
        // Stagnation counts from the day the highest 形象进度 was first reached.
        if (high !== null) add(this.firstAtPercent.get(id, from, detailFrom, high));
      }
      for (const d of [...dates].sort()) rows.push(this.statsRow.get(id, d)!);
    }
    return rows;
  }

  /** Every version of every report dated between two dates (inclusive), for export. */
  versionsBetween(from: string, to: string): StoredReport[] {
    return this.allVersions.all(from, to).map(toReport);
  }
}
