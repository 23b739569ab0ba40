import { WorkCalendar } from '../../src/core/calendar';
import { isoWeekOf, isoWeeksIn, periodOf, previousPeriod, yearSchedulePercent } from '../../src/core/stats/period';
import type { Leader, StatsInput, StatsReport } from '../../src/core/stats/types';
import { schedulePhrase } from '../../src/core/stats/figures';
import { currentReportsByProject, investmentOver } from '../../src/core/stats/reports';
import { stagnationOf } from '../../src/core/stats/project';
import { problemFigures } from '../../src/core/stats/problems';
import { competitionRank, RANK_RULES } from '../../src/core/stats/group';
import { computeStats } from '../../src/core/stats/stats';
import { projectWarnings } from '../../src/core/rules/warnings';
import { statsProject, statsReport } from '../support/stats';

describe('periodOf', () => {
  it('reads a day', () => {
    expect(periodOf('day', '2026-11-24')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(() => periodOf('day', '2026-02-30')).toThrow(RangeError);
  });

  it('reads ISO weeks, Monday to Sunday, across year boundaries', () => {
    // 2026-01-04 is a Sunday, so week 1 starts Mon 2025-12-29; week 48 starts 47 weeks later, Mon 2026-11-23.
    expect(periodOf('week', '2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // 2026 begins on a Thursday: it has a week 53, which ends in 2027.
    expect(isoWeeksIn(2026)).toBe(53);
    expect(periodOf('week', '2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodOf('week', '2027-W01')).toEqual({ from: '2027-01-04', to: '2027-01-10' });
    // 2025 begins on a Wednesday and is not a leap year: 52 weeks; its week 1 starts in 2024.
    expect(isoWeeksIn(2025)).toBe(52);
    expect(() => periodOf('week', '2025-W53')).toThrow(RangeError);
    expect(periodOf('week', '2025-W01')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(() => periodOf('week', '2026-W00')).toThrow(RangeError);
    expect(() => periodOf('week', '2026-48')).toThrow(RangeError);
  });

  it('names the ISO week of a date', () => {
    expect(isoWeekOf('2026-11-24')).toBe('2026-W48');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('reads months, leap Februaries included', () => {
    expect(periodOf('month', '2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodOf('month', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('month', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => periodOf('month', '2026-13')).toThrow(RangeError);
  });

  it('reads a year, to date when today is in it', () => {
    expect(periodOf('year', '2026', '2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-11-24' });
    expect(periodOf('year', '2026', '2027-01-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(() => periodOf('year', '26')).toThrow(RangeError);
  });

  it('compares a month with the previous month and anything else with as many days before', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-12-28', to: '2027-01-03' })).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(previousPeriod({ from: '2026-11-24', to: '2026-11-24' })).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });
});

describe('序时进度 of the year', () => {
  it('is day of year over days in year', () => {
    // Jan–Oct have 304 days, so 24 November is day 328 of 365.
    expect(yearSchedulePercent('2026-11-24')).toBeCloseTo((328 / 365) * 100, 10);
    // 2024 is a leap year: 29 February is day 60 of 366.
    expect(yearSchedulePercent('2024-02-29')).toBeCloseTo((60 / 366) * 100, 10);
    expect(yearSchedulePercent('2024-12-31')).toBe(100);
  });

  it('phrases the gap in percentage points', () => {
    expect(schedulePhrase(3.2)).toBe('超序时进度 3.2 个百分点');
    expect(schedulePhrase(-1.5)).toBe('低于序时进度 1.5 个百分点');
    expect(schedulePhrase(4)).toBe('超序时进度 4.0 个百分点');
    expect(schedulePhrase(0)).toBe('与序时进度持平');
  });
});

describe('competitionRank', () => {
  it('gives ties the same rank and skips the places they take (1, 2, 2, 4); no value, no rank', () => {
    const rows = [
      { k: '乙', v: 80 },
      { k: '甲', v: 80 },
      { k: '丙', v: null },
      { k: '丁', v: 90 },
      { k: '戊', v: 70 },
    ];
    expect(competitionRank(rows, (r) => r.v, (r) => r.k)).toEqual([
      { rank: 1, key: '丁', value: 90 },
      { rank: 2, key: '甲', value: 80 },
      { rank: 2, key: '乙', value: 80 },
      { rank: 4, key: '戊', value: 70 },
      { rank: null, key: '丙', value: null },
    ]);
    expect(competitionRank(rows, (r) => r.v, (r) => r.k, true).map((e) => e.rank)).toEqual([1, 2, 2, 4, null]);
  });

  it('states each rule in Chinese', () => {
    expect(RANK_RULES.investmentCompletion).toMatch(/^按投资完成率从高到低排序，.*并列.*名次相同/);
    expect(RANK_RULES.reportingRate).toMatch(/^按报送率从高到低排序/);
    expect(RANK_RULES.progressGained).toMatch(/^按本期形象进度提升/);
  });
});

const report = statsReport;

describe('investment over a period', () => {
  const nov = { from: '2026-11-01', to: '2026-11-30' };

  it('takes the difference of 累计完成投资 against the last figure before the period', () => {
    const list = [report(1, '2026-10-30', { investmentCumulative: 1000 }), report(1, '2026-11-27', { investmentCumulative: 1250.5, investmentMonth: 999 })];
    // 1250.5 − 1000; the month figure is not needed.
    expect(investmentOver(list, nov, '2026-01-01')).toEqual({ value: 250.5, basis: 'cumulative' });
  });

  it('falls back to 本月完成投资 for whole months, the latest figure of each month', () => {
    const list = [
      report(1, '2026-10-12', { investmentMonth: 80 }),
      report(1, '2026-10-28', { investmentMonth: 120 }),
      report(1, '2026-11-03', { investmentMonth: 30 }),
      report(1, '2026-11-20', { investmentMonth: 95 }),
    ];
    expect(investmentOver(list, nov, '2026-01-01')).toEqual({ value: 95, basis: 'month' });
    // Year to date: October's last 120 + November's last 95.
    expect(investmentOver(list, { from: '2026-01-01', to: '2026-11-24' }, '2026-01-01')).toEqual({ value: 215, basis: 'month' });
    // A week does not start on the 1st: no month figure applies, and there is no 累计 at all.
    expect(investmentOver(list, { from: '2026-11-16', to: '2026-11-22' }, '2026-01-01')).toEqual({ value: null, basis: 'none' });
  });

  it('without a figure before the period counts from zero only for a project planned to start in it', () => {
    const list = [report(1, '2026-11-10', { investmentCumulative: 500 }), report(1, '2026-11-20', { investmentCumulative: 560 })];
    expect(investmentOver(list, { from: '2026-11-09', to: '2026-11-22' }, '2026-11-10')).toEqual({ value: 560, basis: 'sinceStart' });
    // Started long ago but first seen now: only the growth seen counts.
    expect(investmentOver(list, { from: '2026-11-09', to: '2026-11-22' }, '2025-05-01')).toEqual({ value: 60, basis: 'firstReport' });
  });
});

describe('reports and stagnation', () => {
  it('keeps the current version of a revised day', () => {
    const byProject = currentReportsByProject([
      report(1, '2026-11-02', { revision: 2, progressPercent: 30 }),
      report(1, '2026-11-02', { revision: 1, progressPercent: 80 }),
      report(1, '2026-11-01', { progressPercent: 29 }),
    ]);
    expect(byProject.get(1)!.map((r) => [r.date, r.progressPercent])).toEqual([
      ['2026-11-01', 29],
      ['2026-11-02', 30],
    ]);
  });

  it('finds projects whose 形象进度 has made no new high for two weeks', () => {
    const p = { id: 1, name: '甲', status: '在建' as const };
    const list = [report(1, '2026-11-01', { progressPercent: 30 }), report(1, '2026-11-05', { progressPercent: 28 }), report(1, '2026-11-14', { progressPercent: 30 })];
    // The high 30 was first reported on 1 November: 14 days before the 15th, 13 before the 14th.
    expect(stagnationOf(p, list, '2026-11-15', () => false)).toEqual({ projectId: 1, name: '甲', percent: 30, since: '2026-11-01', days: 14 });
    expect(stagnationOf(p, list, '2026-11-14', () => false)).toBeNull();
    expect(stagnationOf(p, list, '2026-11-15', (d) => d === '2026-11-15')).toBeNull();
    expect(stagnationOf({ ...p, status: '已竣工' }, list, '2026-11-15', () => false)).toBeNull();
  });
});

describe('problems', () => {
  it('counts raised, closed and open with ages, leaving withdrawn and long-closed items out', () => {
    const figures = problemFigures(
      [
        { id: 1, projectId: 1, firstDate: '2026-11-01', status: 'closed', closedAt: '2026-11-10T10:00:00+08:00' },
        { id: 2, projectId: 1, firstDate: '2026-11-20', status: 'withdrawn', closedAt: '2026-11-21T10:00:00+08:00' },
        { id: 3, projectId: 1, firstDate: '2026-12-01', status: 'open', closedAt: null },
      ],
      { from: '2026-11-23', to: '2026-11-29' },
      '2026-11-29',
    );
    expect(figures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// One holiday week of a small district, computed by hand.
//
// Period 2026-W41 = Mon 5 Oct … Sun 11 Oct 2026, today Mon 12 Oct, so the figures run to 11 Oct.
// Real 2026 calendar: 1–7 Oct is the National Day holiday and Sat 10 Oct a make-up workday, so the
// week's workdays are Thu 8, Fri 9 and Sat 10 Oct (3). The previous period is W40, 28 Sep … 4 Oct
// (workdays 28, 29, 30 Sep).
// 序时进度 on 11 Oct: Jan–Sep have 273 days, so day 284 of 365 = 77.808…% (77.8).

const P = statsProject;

const ZHANG: Leader = { id: 7, name: '张三' };
const LI: Leader = { id: 8, name: '李四' };

function district(): StatsInput {
  const projects = [
    // 甲: reports every workday; its 10 Oct report was revised (only revision 2 counts).
    P({ id: 1, name: '甲项目', plannedStart: '2026-03-01', annualPlan: 1000, town: '东城街道', unit: '住建局', leader: '张三' }),
    // 乙: not registered (入库) though started 1 Jun; stopped 9–10 Oct; 形象进度 stuck at 40 since 15 Sep.
    P({ id: 2, name: '乙项目', plannedStart: '2026-06-01', annualPlan: 2000, registered: false, town: '西城镇', unit: '交通局', leader: '李四' }),
    // 丙: should have started 7 Sep and has not; missed 9 and 10 Oct.
    P({ id: 3, name: '丙项目', status: '未开工', plannedStart: '2026-09-07', annualPlan: 500, registered: false, town: '东城街道', unit: '住建局' }),
    // 丁: started mid-period (planned 8 Oct), its group bound on 9 Oct.
    P({ id: 4, name: '丁项目', plannedStart: '2026-10-08', annualPlan: 800, town: '西城镇', unit: '交通局' }),
    // 戊: finished; owes no reports.
    P({ id: 5, name: '戊项目', status: '已竣工', plannedStart: '2025-03-01', town: '东城街道', unit: '发改局' }),
  ];
  const reports: StatsReport[] = [
    report(1, '2025-12-31', { investmentCumulative: 300, progressPercent: 20 }),
    report(1, '2026-09-28', { investmentCumulative: 700, progressPercent: 60 }),
    report(1, '2026-09-29', { investmentCumulative: 710, progressPercent: 61 }),
    report(1, '2026-09-30', { investmentCumulative: 720, progressPercent: 62 }),
    report(1, '2026-10-08', { investmentCumulative: 730, progressPercent: 63 }),
    report(1, '2026-10-09', { investmentCumulative: 740, progressPercent: 64 }),
    // The current version first, the superseded typo after it: the revision number decides.
    report(1, '2026-10-10', { investmentCumulative: 760, progressPercent: 65, revision: 2 }),
    report(1, '2026-10-10', { investmentCumulative: 900, progressPercent: 90, revision: 1 }),
    report(2, '2026-09-15', { investmentCumulative: 500, progressPercent: 40 }),
    report(2, '2026-09-28', { investmentCumulative: 500, progressPercent: 40 }),
    report(2, '2026-09-30', { investmentCumulative: 520, progressPercent: 40 }),
    report(2, '2026-10-08', { investmentCumulative: 540, progressPercent: 40 }),
    report(3, '2026-09-28'),
    report(3, '2026-09-29'),
    report(3, '2026-09-30'),
    report(3, '2026-10-08'),
    report(4, '2026-10-09', { investmentCumulative: 100, progressPercent: 2 }),
    report(4, '2026-10-10', { investmentCumulative: 150, progressPercent: 5 }),
    // After the as-of date: ignored.
    report(1, '2026-10-12', { investmentCumulative: 5000, progressPercent: 99 }),
  ];
  return {
    period: periodOf('week', '2026-W41'),
    today: '2026-10-12',
    projects,
    reports,
    stoppages: [{ projectId: 2, fromDate: '2026-10-09', toDate: '2026-10-10' }],
    problems: [
      { id: 1, projectId: 1, firstDate: '2026-09-20', status: 'open', closedAt: null },
      { id: 2, projectId: 2, firstDate: '2026-10-08', status: 'closed', closedAt: '2026-10-10T15:00:00+08:00', text: '临时用电未接通' },
      { id: 3, projectId: 3, firstDate: '2026-10-09', status: 'open', closedAt: null },
      { id: 4, projectId: 1, firstDate: '2026-09-01', status: 'closed', closedAt: '2026-09-30T09:00:00+08:00' },
      { id: 5, projectId: 4, firstDate: '2026-10-10', status: 'withdrawn', closedAt: '2026-10-10T18:00:00+08:00' },
      { id: 6, projectId: 2, firstDate: '2026-09-25', status: 'closed', closedAt: '2026-10-12T09:00:00+08:00' },
    ],
    comments: [
      // 张三 on 甲's revised 10 Oct report: 3 h after its first version (09:00); his second comment that day does not count.
      { projectId: 1, date: '2026-10-10', personId: 7, delayHours: 8 },
      { projectId: 1, date: '2026-10-10', personId: 7, delayHours: 3 },
      // 张三 on 丙's 8 Oct report, posted 10:00: 1 h.
      { projectId: 3, date: '2026-10-08', personId: 7, delayHours: 1 },
      // 李四 on 丁's 9 Oct report, posted 08:00: 6 h.
      { projectId: 4, date: '2026-10-09', personId: 8, delayHours: 6 },
      // Not a leader of the project, and a report of the previous week: neither counts.
      { projectId: 1, date: '2026-10-09', personId: 99, delayHours: 3 },
      { projectId: 1, date: '2026-09-30', personId: 7, delayHours: 3 },
      // 张三 on 丙 for a day it has no report of: nothing was due, so it does not count.
      { projectId: 3, date: '2026-10-09', personId: 7, delayHours: 1 },
    ],
    leaders: new Map([
      [1, [ZHANG]],
      [2, [LI]],
      [3, [ZHANG]],
      [4, [LI]],
      [5, [ZHANG]],
    ]),
    boundSince: new Map([
      [1, '2026-09-01'],
      [2, '2026-09-01'],
      [3, '2026-09-01'],
      [4, '2026-10-09'],
      [5, '2026-09-01'],
    ]),
    isWorkday: new WorkCalendar().isWorkday,
  };
}

describe('computeStats on a holiday week', () => {
  const stats = computeStats(district());
  const project = (id: number) => stats.projects.find((p) => p.id === id)!;

  it('frames the period', () => {
    expect(stats.period).toEqual({ from: '2026-10-05', to: '2026-10-11' });
    expect(stats.previous).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(stats.asOf).toBe('2026-10-11');
    expect(stats.schedulePercent).toBe(77.8);
    expect(stats.groups).toEqual([stats.overall]);
  });

  it('counts reports due on workdays only, without stopped days or days before binding', () => {
    // 甲 3/3. 乙: 9–10 Oct stopped, so 1/1. 丙 1/3. 丁 bound on 9 Oct: 2/2. 戊 owes none.
    expect(project(1).reporting).toEqual({ due: 3, received: 3, missed: 0, rate: 100 });
    expect(project(2).reporting).toEqual({ due: 1, received: 1, missed: 0, rate: 100 });
    expect(project(3).reporting).toEqual({ due: 3, received: 1, missed: 2, rate: 33.3 });
    expect(project(4).reporting).toEqual({ due: 2, received: 2, missed: 0, rate: 100 });
    expect(project(5).reporting).toEqual({ due: 0, received: 0, missed: 0, rate: null });
    // 7 received of 9 due = 77.78%.
    expect(stats.overall.reporting).toEqual({ due: 9, received: 7, missed: 2, rate: 77.8 });
  });

  it('computes the start rate, the late starters and the 入库 rate', () => {
    // All five were due to start by 11 Oct; 丙 has not: 4/5. 7 Sep → 11 Oct is 34 days.
    expect(stats.overall.start).toEqual({
      due: 5,
      started: 4,
      rate: 80,
      notStarted: [{ projectId: 3, name: '丙项目', unit: '住建局', plannedStart: '2026-09-07', daysOverdue: 34 }],
    });
    expect(stats.notStarted).toEqual(stats.overall.start.notStarted);
    // Started: 甲 乙 丁 戊; registered: 甲 丁 戊.
    expect(stats.overall.registration).toEqual({ started: 4, registered: 3, rate: 75 });
  });

  it('computes investment in the period and for the year, against the plan and the 序时进度', () => {
    // 甲: 760 (revision 2, not the 900 typo) − 720 on 30 Sep = 40; year: 760 − 300 at the end of 2025 = 460,
    // 460/1000 = 46.0%, 46.0 − 77.808 = −31.8 points.
    expect(project(1).investment).toEqual({
      period: 40,
      basis: 'cumulative',
      yearToDate: 460,
      annualPlan: 1000,
      completionRate: 46,
      aheadPoints: -31.8,
      phrase: '低于序时进度 31.8 个百分点',
    });
    // 乙: 540 − 520 = 20; nothing before 2026 and planned to start 1 Jun: 540 for the year, 27.0% → −50.8.
    expect(project(2).investment).toMatchObject({ period: 20, basis: 'cumulative', yearToDate: 540, completionRate: 27, aheadPoints: -50.8 });
    // 丁 started in the period: everything it reported is the period's, 150; 150/800 = 18.75% → 18.8; 18.75 − 77.808 = −59.1.
    expect(project(4).investment).toMatchObject({ period: 150, basis: 'sinceStart', yearToDate: 150, completionRate: 18.8, aheadPoints: -59.1 });
    expect(project(3).investment).toMatchObject({ period: null, basis: 'none', yearToDate: null, completionRate: null, phrase: null });
    // Period 40 + 20 + 150 = 210; year 460 + 540 + 150 = 1150 of a plan of 1000 + 2000 + 500 + 800 = 4300
    // → 26.744% → 26.7; 26.744 − 77.808 = −51.06 → −51.1.
    expect(stats.overall.investment).toEqual({
      period: 210,
      yearToDate: 1150,
      annualPlan: 4300,
      completionRate: 26.7,
      aheadPoints: -51.1,
      phrase: '低于序时进度 51.1 个百分点',
    });
  });

  it('computes progress gained and stagnation', () => {
    // 甲 65 − 62 = 3 (not 90 − 62); 乙 40 − 40 = 0; 丁 started in the period: 5 − 0 = 5.
    expect(project(1).progress).toEqual({ start: 62, end: 65, gained: 3, basis: 'cumulative' });
    expect(project(2).progress.gained).toBe(0);
    expect(project(4).progress).toEqual({ start: 0, end: 5, gained: 5, basis: 'sinceStart' });
    expect(project(3).progress.gained).toBeNull();
    // Mean of 3, 0 and 5 = 2.67 → 2.7.
    expect(stats.overall.progress).toEqual({ gained: 2.7, measured: 3, stagnant: 1 });
    // 乙 has stood at 40 since 15 Sep: 26 days on 11 Oct.
    expect(stats.stagnant).toEqual([{ projectId: 2, name: '乙项目', percent: 40, since: '2026-09-15', days: 26 }]);
  });

  it('lights every project under the warning rules and notes the changes since last week', () => {
    // 乙: started 1 Jun, unregistered 132 days (≥ 60) → red, as on 4 Oct (125 days).
    expect(project(2)).toMatchObject({ light: 'red', previousLight: 'red' });
    // 丙: 34 days late (> 30) → red, plus 2 missed workdays (9, 10 Oct) → yellow; on 4 Oct 27 days late → yellow.
    expect(project(3)).toMatchObject({ light: 'red', previousLight: 'yellow' });
    expect(project(3).warnings.map((w) => [w.kind, w.level])).toEqual([
      ['missing', 'yellow'],
      ['notStarted', 'red'],
    ]);
    for (const id of [1, 4, 5]) expect(project(id)).toMatchObject({ light: 'green', previousLight: 'green' });
    expect(stats.overall.lights).toEqual({ red: 2, yellow: 0, green: 3, newRed: 1, changed: 1 });
    expect(stats.lightChanges).toEqual([{ projectId: 3, name: '丙项目', before: 'yellow', after: 'red' }]);
  });

  it('counts problems raised, closed and open in the period with their ages', () => {
    // Open on 11 Oct: #1 (20 Sep, 21 days), #6 (25 Sep, closed only on 12 Oct: 16 days), #3 (9 Oct, 2 days).
    // Closed: #2 (8 → 10 Oct, 2 days). #4 closed before the week and #5 withdrawn are left out.
    expect(stats.problems.map((x) => [x.id, x.state, x.ageDays, x.raisedInPeriod, x.closedInPeriod])).toEqual([
      [1, 'open', 21, false, false],
      [6, 'open', 16, false, false],
      [3, 'open', 2, true, false],
      [2, 'closed', 2, true, true],
    ]);
    expect(stats.problems.find((x) => x.id === 2)).toMatchObject({ text: '临时用电未接通', closedDate: '2026-10-10' });
    // Average open age (21 + 16 + 2) / 3 = 13.
    expect(stats.overall.problems).toEqual({ raised: 2, closed: 1, open: 3, averageOpenAgeDays: 13, oldestOpenDays: 21 });
  });

  it('computes the leaders’ comment rates and delays', () => {
    // 张三: 甲 8, 9, 10 Oct and 丙 8 Oct = 4 reported days, 2 commented (3 h and 1 h: mean 2 h).
    // 李四: 乙 8 Oct and 丁 9, 10 Oct = 3, 1 commented after 6 h.
    expect(stats.leaders).toEqual([
      { leaderId: 7, name: '张三', due: 4, commented: 2, rate: 0.5, averageDelayHours: 2 },
      { leaderId: 8, name: '李四', due: 3, commented: 1, rate: 1 / 3, averageDelayHours: 6 },
    ]);
    // 3 of 7 = 42.86%; mean delay (3 + 1 + 6) / 3 = 3.33 h.
    expect(stats.overall.comments).toEqual({ due: 7, commented: 3, rate: 42.9, averageDelayHours: 3.3 });
  });

  it('ranks projects with ties sharing a rank and the rule stated', () => {
    const byReporting = stats.rankings.projects.find((r) => r.metric === 'reportingRate')!;
    expect(byReporting.rule).toBe(RANK_RULES.reportingRate);
    // 甲 乙 丁 all at 100% share first place; 丙 is fourth; 戊 owed nothing and is not ranked.
    expect(byReporting.entries).toEqual([
      { rank: 1, key: '丁项目', value: 100 },
      { rank: 1, key: '甲项目', value: 100 },
      { rank: 1, key: '乙项目', value: 100 },
      { rank: 4, key: '丙项目', value: 33.3 },
      { rank: null, key: '戊项目', value: null },
    ]);
    const byProgress = stats.rankings.projects.find((r) => r.metric === 'progressGained')!;
    expect(byProgress.entries.map((e) => [e.rank, e.key])).toEqual([
      [1, '丁项目'],
      [2, '甲项目'],
      [3, '乙项目'],
      [null, '丙项目'],
      [null, '戊项目'],
    ]);
  });
});

describe('computeStats by group', () => {
  it('groups by 镇街 and ranks the groups', () => {
    const stats = computeStats(district(), 'town');
    expect(stats.groups.map((g) => g.key)).toEqual(['东城街道', '西城镇']);
    const [east, west] = stats.groups;
    // 东城: 甲 3/3 + 丙 1/3 + 戊 0/0 = 4/6 = 66.7%. 西城: 乙 1/1 + 丁 2/2 = 3/3.
    expect(east!.reporting).toEqual({ due: 6, received: 4, missed: 2, rate: 66.7 });
    expect(west!.reporting).toEqual({ due: 3, received: 3, missed: 0, rate: 100 });
    // 东城: 460 of 1000 + 500 = 30.67% → 30.7; 西城: 540 + 150 of 2000 + 800 = 24.64% → 24.6.
    expect(east!.investment.completionRate).toBe(30.7);
    expect(west!.investment.completionRate).toBe(24.6);
    // 东城: 甲 only (3); 西城: (0 + 5) / 2 = 2.5.
    expect([east!.progress.gained, west!.progress.gained]).toEqual([3, 2.5]);
    expect(east!.start.notStarted.map((n) => n.name)).toEqual(['丙项目']);
    expect(west!.start.notStarted).toEqual([]);
    // Problems: 东城 #1, #3; 西城 #2, #6.
    expect(east!.problems).toMatchObject({ raised: 1, closed: 0, open: 2 });
    expect(west!.problems).toMatchObject({ raised: 1, closed: 1, open: 1 });
    const rank = (m: string) => stats.rankings.groups.find((r) => r.metric === m)!.entries.map((e) => [e.rank, e.key]);
    expect(rank('reportingRate')).toEqual([
      [1, '西城镇'],
      [2, '东城街道'],
    ]);
    expect(rank('investmentCompletion')).toEqual([
      [1, '东城街道'],
      [2, '西城镇'],
    ]);
    // The overall figures do not depend on the grouping.
    expect(stats.overall).toEqual(computeStats(district()).overall);
  });

  it('puts projects without a value in an 未填写 group', () => {
    const stats = computeStats(district(), 'category');
    expect(stats.groups.map((g) => [g.key, g.projects])).toEqual([['未填写', 5]]);
  });

  it('groups by leader, each counting only their own comments', () => {
    const stats = computeStats(district(), 'leader');
    expect(stats.groups.map((g) => [g.key, g.projects])).toEqual([
      ['李四', 2],
      ['张三', 3],
    ]);
    const zhang = stats.groups.find((g) => g.key === '张三')!;
    expect(zhang.comments).toEqual({ due: 4, commented: 2, rate: 50, averageDelayHours: 2 });
  });
});

describe('computeStats on a month', () => {
  it('falls back to 本月完成投资 and stops counting at today', () => {
    const input: StatsInput = {
      ...district(),
      period: periodOf('month', '2026-10'),
      today: '2026-10-12',
      projects: [P({ id: 9, name: '庚项目', plannedStart: '2026-01-01', annualPlan: 1000 })],
      reports: [
        report(9, '2026-09-30', { investmentMonth: 90 }),
        report(9, '2026-10-09', { investmentMonth: 40 }),
        report(9, '2026-10-10', { investmentMonth: 55 }),
      ],
      boundSince: new Map([[9, '2026-09-01']]),
      leaders: new Map(),
      problems: [],
      comments: [],
      stoppages: [],
    };
    const stats = computeStats(input);
    // Today counts (a daily list is made in the evening); days after it do not.
    expect(stats.asOf).toBe('2026-10-12');
    // 1–12 Oct: 1–7 Oct are a holiday; workdays Thu 8, Fri 9, Sat 10 (make-up) and Mon 12: 4 due, 2 received.
    expect(stats.overall.reporting).toMatchObject({ due: 4, received: 2, missed: 2, rate: 50 });
    // No 累计 at all: October's latest month figure 55; the year: September's 90 + October's 55 = 145 → 14.5%.
    expect(stats.projects[0]!.investment).toMatchObject({ period: 55, basis: 'month', yearToDate: 145, completionRate: 14.5 });
  });

  it("words a lagging project's warnings as the rules do from every 形象进度 of the pace window", () => {
    const dates: [string, number][] = [['2026-09-25', 40], ['2026-10-15', 60], ['2026-11-06', 68.5], ['2026-11-12', 65], ['2026-11-19', 69]];
    const p = P({ id: 10, name: '辛项目', plannedStart: '2026-01-01', plannedFinish: '2026-11-30' });
    const input: StatsInput = {
      ...district(),
      period: periodOf('month', '2026-11'),
      today: '2026-11-20',
      projects: [p],
      reports: dates.map(([d, percent]) => report(10, d, { progressPercent: percent })),
      boundSince: new Map([[10, '2026-09-01']]),
      leaders: new Map(),
      problems: [],
      comments: [],
      stoppages: [],
    };
    const expected = projectWarnings(
      {
        ...p,
        trackedSince: '2026-09-01',
        reportedDates: new Set(dates.map(([d]) => d)),
        firstReported: '2026-09-25',
        progress: dates.filter(([d]) => d >= '2026-10-06').map(([date, percent]) => ({ date, percent })),
        isStopped: () => false,
      },
      '2026-11-20',
      input.isWorkday,
    ).filter((w) => w.kind !== 'forecast');
    // 28 points behind, and at the pace since 6 November (the last 14 days) 30.6 by the month's end.
    expect(expected.find((w) => w.kind === 'behindPlan')?.text).toBe('辛项目 形象进度 69%，序时进度 97%，落后 28 个百分点；按近期进度，月底将落后 30.6 个百分点（红色）');
    expect(computeStats(input).projects[0]!.warnings).toEqual(expected);
  });
});
