import { openDb, type Db } from '../../src/store/db';
import { ProjectStore } from '../../src/store/projects';
import { ReportStore } from '../../src/store/reports';
import type { Report } from '../../src/domain/report';
import { blankReport } from '../support/report';

const report = (date: string, over: Partial<Report> = {}): Report => blankReport({ project: '甲项目', date, ...over });

describe('ReportStore.figuresBetween', () => {
  let db: Db;
  let reports: ReportStore;
  let ids: number[];

  beforeEach(() => {
    db = openDb(':memory:');
    const base = { aliases: [], category: null, chain: null, town: null, unit: null, leader: null, liaison: null, totalInvestment: null, annualPlan: null, plannedStart: null, plannedFinish: null, status: '在建' as const, registered: true };
    new ProjectStore(db).upsert([{ ...base, name: '甲项目' }, { ...base, name: '乙项目' }], new Date('2026-01-01T09:00:00+08:00'));
    ids = new ProjectStore(db).list().map((p) => p.id);
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'm', 'text', '2026-01-01T09:00:00+08:00', '2026-01-01T09:00:00+08:00')").run();
    reports = new ReportStore(db);
  });
  afterEach(() => db.close());

  const save = (projectId: number, r: Report, at: string) => reports.save({ projectId, report: r, messageId: 1, personId: null, flags: [], now: new Date(at) });

  it('gives current reports in the range and the latest one before it as a baseline', () => {
    const [a, b] = ids as [number, number];
    save(a, report('2026-10-20', { progressPercent: 10, investmentCumulative: 100 }), '2026-10-20T09:00:00+08:00');
    save(a, report('2026-10-28', { progressPercent: 12 }), '2026-10-28T09:00:00+08:00');
    save(a, report('2026-11-02', { progressPercent: 14, investmentMonth: 5, problems: ['缺电'] }), '2026-11-02T09:30:00+08:00');
    // Corrected twice the same day: the figures of the last version.
    save(a, report('2026-11-03', { progressPercent: 15 }), '2026-11-03T08:15:00+08:00');
    save(a, report('2026-11-03', { progressPercent: 16 }), '2026-11-03T11:00:00+08:00');
    save(a, report('2026-11-03', { progressPercent: 17, investmentCumulative: 130 }), '2026-11-03T18:00:00+08:00');
    // A late report for an earlier day.
    save(b, report('2026-10-30', { progressPercent: 50 }), '2026-11-04T10:00:00+08:00');
    save(b, report('2026-11-05', { progressPercent: 51 }), '2026-11-05T10:00:00+08:00');
    save(b, report('2026-12-01', { progressPercent: 52 }), '2026-12-01T10:00:00+08:00');

    expect(reports.figuresBetween('2026-11-01', '2026-11-30')).toEqual([
      { projectId: a, date: '2026-10-28', progressPercent: 12, investmentCumulative: null, investmentMonth: null },
      { projectId: a, date: '2026-11-02', progressPercent: 14, investmentCumulative: null, investmentMonth: 5 },
      { projectId: a, date: '2026-11-03', progressPercent: 17, investmentCumulative: 130, investmentMonth: null },
      { projectId: b, date: '2026-10-30', progressPercent: 50, investmentCumulative: null, investmentMonth: null },
      { projectId: b, date: '2026-11-05', progressPercent: 51, investmentCumulative: null, investmentMonth: null },
    ]);
  });

  it('gives nothing for a range before any report, and only baselines dated up to its end', () => {
    const [a] = ids as [number];
    save(a, report('2026-11-10', { progressPercent: 1 }), '2026-11-10T09:00:00+08:00');
    expect(reports.figuresBetween('2026-10-01', '2026-10-31')).toEqual([]);
    expect(reports.figuresBetween('2026-12-01', '2026-12-31').map((r) => r.date)).toEqual(['2026-11-10']);
  });

  it('keeps a summary of each month as reports are saved and corrected, and finds older deciding rows from it', () => {
    const [a] = ids as [number];
    save(a, report('2026-09-03', { progressPercent: 10, investmentMonth: 20 }), '2026-09-03T09:00:00+08:00');
    save(a, report('2026-09-10', { progressPercent: 30, investmentCumulative: 100 }), '2026-09-10T09:00:00+08:00');
    save(a, report('2026-09-15', { progressPercent: 30, investmentMonth: 40 }), '2026-09-15T09:00:00+08:00');
    save(a, report('2026-09-20', {}), '2026-09-20T09:00:00+08:00');
    const months = () =>
      reports.refreshMonths() >= 0 &&
      (db.prepare('SELECT * FROM report_months JOIN report_month_figures USING (project_id, month) ORDER BY month').all() as { figures: string }[]).map((m) => ({ ...m, figures: JSON.parse(m.figures) as unknown }));
    expect(months()).toEqual([
      {
        project_id: a,
        month: '2026-09',
        first_date: '2026-09-03',
        last_date: '2026-09-20',
        high: 30,
        high_date: '2026-09-10',
        last_progress_date: '2026-09-15',
        first_cumulative_date: '2026-09-10',
        last_cumulative_date: '2026-09-10',
        last_month_date: '2026-09-15',
        days: (1 << 2) | (1 << 9) | (1 << 14) | (1 << 19),
        // Day of the month, 形象进度, 累计, 本月 for each report, in one flat list.
        figures: [3, 10, null, 20, 10, 30, 100, null, 15, 30, null, 40, 20, null, null, null],
      },
    ]);
    // The 10th is corrected down: the month's high is now first reached on the 15th, and its only 累计 is
    // gone.
    save(a, report('2026-09-10', { progressPercent: 25 }), '2026-09-10T18:00:00+08:00');
    expect(months()).toEqual([
      expect.objectContaining({
        high: 30,
        high_date: '2026-09-15',
        first_cumulative_date: null,
        last_cumulative_date: null,
        last_month_date: '2026-09-15',
        figures: [3, 10, null, 20, 10, 25, null, null, 15, 30, null, 40, 20, null, null, null],
      }),
    ]);
    save(a, report('2026-10-08', { progressPercent: 31 }), '2026-10-08T09:00:00+08:00');
    // September is summarised: its first and last rows, the first at its high, the last with 本月完成投资.
    expect(reports.figuresBetween('2026-09-01', '2026-10-31', '2026-10-01').map((r) => r.date)).toEqual(['2026-09-03', '2026-09-15', '2026-09-20', '2026-10-08']);
    expect(() => reports.figuresBetween('2026-09-02', '2026-10-31')).toThrow(RangeError);
    // The days reported on, for counting missed days further back than the rows read.
    expect(reports.reportedDays('2026-09', '2026-10')).toEqual(new Map([[a, new Map([['2026-09', (1 << 2) | (1 << 9) | (1 << 14) | (1 << 19)]])]]));
  });
});

