import { WorkCalendar } from '../../src/core/calendar';
import { dailyBoardText } from '../../src/text/board';
import type { StatsInput } from '../../src/core/stats/types';
import { computeStats } from '../../src/core/stats/stats';
import { statsProject as P, statsReport as report } from '../support/stats';

// Tuesday 24 November 2026. 甲 and 乙 report; 丙 misses today; 丁 last reported Wed 18th: the warning
// rules count the workdays before today (today is not over), 19, 20 and 23 Nov: red (yellow yesterday,
// with two); 戊 is stopped today.
function day(): StatsInput {
  const projects = [
    P({ id: 1, name: '甲项目', unit: '住建局' }),
    P({ id: 2, name: '乙项目', unit: '交通局' }),
    P({ id: 3, name: '丙项目', unit: '交通局' }),
    P({ id: 4, name: '丁项目', unit: '住建局' }),
    P({ id: 5, name: '戊项目', unit: '发改局' }),
    // 己 starts today: its first report is not a day's progress.
    P({ id: 6, name: '己项目', unit: '发改局', plannedStart: '2026-11-24' }),
  ];
  return {
    period: { from: '2026-11-24', to: '2026-11-24' },
    today: '2026-11-24',
    projects,
    reports: [
      report(1, '2026-11-23', { progressPercent: 40 }),
      report(1, '2026-11-24', { progressPercent: 43 }),
      report(2, '2026-11-23', { progressPercent: 55 }),
      report(2, '2026-11-24', { progressPercent: 58.5 }),
      report(3, '2026-11-23', { progressPercent: 20 }),
      report(4, '2026-11-18', { progressPercent: 70 }),
      report(5, '2026-11-23', { progressPercent: 90 }),
      report(6, '2026-11-24', { progressPercent: 35 }),
    ],
    stoppages: [{ projectId: 5, fromDate: '2026-11-24', toDate: null }],
    problems: [
      { id: 1, projectId: 2, text: '高压线迁改需供电部门配合', firstDate: '2026-11-24', status: 'open', closedAt: null },
      { id: 2, projectId: 1, text: '渣土外运受限', firstDate: '2026-11-02', status: 'open', closedAt: null },
    ],
    comments: [],
    leaders: new Map(),
    boundSince: new Map(projects.map((p) => [p.id, '2026-11-01'])),
    isWorkday: new WorkCalendar().isWorkday,
  };
}

describe('dailyBoardText', () => {
  const units = new Map(day().projects.map((p) => [p.id, p.unit]));

  it('counts, lists the missing by unit, the stopped, the top movers, new red lights and new problems', () => {
    const text = dailyBoardText(computeStats(day()), { units, stopped: ['戊项目'], late: false });
    expect(text).toBe(
      [
        '【日晒榜】11月24日（周二）',
        '应报 5 个项目，已报 3 个，未报 2 个，报送率 60.0%。',
        '停工 1 个（不计未报）：戊项目',
        '未报送：',
        '· 交通局：丙项目',
        '· 住建局：丁项目',
        '进度提升：乙项目 +3.5 个百分点（58.5%）；甲项目 +3 个百分点（43%）',
        '新转红灯 1 个：',
        '🔴 丁项目：已连续 3 个工作日未报日报',
        '新提出问题 1 项：',
        '· 乙项目：高压线迁改需供电部门配合',
      ].join('\n'),
    );
  });

  it('marks a board sent late after downtime, and copes with nothing due', () => {
    const empty = { ...day(), period: { from: '2026-11-28', to: '2026-11-28' }, today: '2026-11-28', projects: [], reports: [], problems: [] };
    expect(dailyBoardText(computeStats(empty), { units, stopped: [], late: true })).toBe('【日晒榜】11月28日（周六）（补发）\n应报 0 个项目，已报 0 个，未报 0 个，报送率 —。');
  });
});
