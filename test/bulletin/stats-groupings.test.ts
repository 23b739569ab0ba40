import { WorkCalendar } from '../../src/core/calendar';
import { periodOf } from '../../src/core/stats/period';
import type { Grouping, StatsInput, StatsReport } from '../../src/core/stats/types';
import { currentReportsByProject } from '../../src/core/stats/reports';
import { computeStats, prepareStats } from '../../src/core/stats/stats';
import { addDays } from '../../src/time/clock';
import { statsProject, statsReport } from '../support/stats';

const calendar = new WorkCalendar();
const TOWNS = ['东城街道', '西城镇', '南湖镇'];

/** Twelve projects with three months of reports (some corrected, some missed), comments, leaders and problems. */
function input(rowsInOrder: 'byProject' | 'shuffled'): StatsInput {
  const projects = Array.from({ length: 12 }, (_, k) =>
    statsProject({
      id: k + 1,
      name: `项目${k + 1}`,
      status: k % 5 === 4 ? '未开工' : '在建',
      plannedStart: k % 5 === 4 ? '2026-10-15' : '2026-03-01',
      plannedFinish: '2027-06-30',
      annualPlan: k % 4 === 3 ? null : 1000 + k * 100,
      registered: k % 3 !== 0,
      town: k % 7 === 6 ? null : TOWNS[k % 3]!,
      unit: `单位${k % 4}`,
      category: k % 2 ? '区重点' : '市重点',
      leader: `领导${k % 3}`,
    }),
  );
  const reports: StatsReport[] = [];
  for (const p of projects) {
    let k = 0;
    for (let d = '2026-09-01'; d <= '2026-11-30'; d = addDays(d, 1), k++) {
      if (!calendar.isWorkday(d) || (p.id * 7 + k) % 9 === 0 || (p.id === 5 && d > '2026-11-20')) continue;
      const progress = p.id % 4 === 0 && d > '2026-10-20' ? 40 : 10 + k * 0.3;
      reports.push(statsReport(p.id, d, { progressPercent: progress, investmentCumulative: 100 * p.id + k * 3 }));
      if ((p.id + k) % 13 === 0) reports.push(statsReport(p.id, d, { progressPercent: progress + 5, revision: 2 }));
    }
  }
  const comments = reports
    .filter((r, i) => i % 4 === 0 && r.date >= '2026-10-01')
    .map((r, i) => ({ projectId: r.projectId, date: r.date, personId: 100 + (i % 4), delayHours: 17 - (r.projectId % 9) }));
  if (rowsInOrder === 'shuffled') reports.reverse();
  const leaders = new Map(projects.map((p) => [p.id, p.id % 6 === 0 ? [] : [{ id: 100 + (p.id % 3), name: `领导${p.id % 3}` }, ...(p.id % 4 === 1 ? [{ id: 103, name: '领导3' }] : [])]]));
  return {
    period: periodOf('month', '2026-11'),
    today: '2026-12-01',
    projects,
    reports,
    stoppages: [{ projectId: 3, fromDate: '2026-11-10', toDate: '2026-11-13' }],
    problems: [
      { id: 1, projectId: 2, firstDate: '2026-10-05', status: 'open', closedAt: null },
      { id: 2, projectId: 7, firstDate: '2026-11-03', status: 'closed', closedAt: '2026-11-20T10:00:00+08:00' },
    ],
    comments,
    leaders,
    boundSince: new Map(projects.filter((p) => p.id !== 9).map((p) => [p.id, '2026-08-20'])),
    isWorkday: calendar.isWorkday,
  };
}

describe('computeStats under several groupings of one input', () => {
  it('gives each grouping the figures a fresh input gives it, in any order', () => {
    const shared = prepareStats(input('byProject'));
    const order: Grouping[] = ['leader', 'district', 'town', 'leader', 'unit', 'category', 'district'];
    for (const grouping of order) {
      // Given the input itself, computeStats prepares it afresh: nothing carries over from earlier groupings.
      expect(computeStats(shared, grouping)).toEqual(computeStats(input('byProject'), grouping));
    }
  });

  it('reads rows in any order alike', () => {
    for (const grouping of ['district', 'town', 'leader'] as const) {
      expect(computeStats(input('shuffled'), grouping)).toEqual(computeStats(input('byProject'), grouping));
    }
  });

  it('keeps rows already one per day by date as they are', () => {
    const rows = [statsReport(1, '2026-11-02'), statsReport(1, '2026-11-03'), statsReport(2, '2026-11-02')];
    const byProject = currentReportsByProject(rows);
    expect(byProject.get(1)).toEqual([rows[0], rows[1]]);
    expect(byProject.get(2)).toEqual([rows[2]]);
  });
});
