import { WorkCalendar } from '../../src/core/calendar';
import type { Bulletin } from '../../src/core/stats/bulletin';
import { dispatchText } from '../../src/text/dispatch';
import { periodOf } from '../../src/core/stats/period';
import type { StatsInput, StatsReport } from '../../src/core/stats/types';
import { computeStats } from '../../src/core/stats/stats';
import { addDays } from '../../src/time/clock';
import { statsProject as P, statsReport as report } from '../support/stats';

const calendar = new WorkCalendar();

function daily(projectId: number, from: string, to: string, percent: number): StatsReport[] {
  const out: StatsReport[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkday(d)) out.push(report(projectId, d, { progressPercent: percent }));
  return out;
}

// November 2026, today 1 December. Projects 1–12 stopped reporting after Fri 20 Nov (red: missed
// reports); project 13 reports every day but stands at 75% where its plan for the year says ~91%
// (yellow: behind plan). Lights are as of the 30th, which is not over: 23–27 Nov missed, five. Project
// 1's leader is bound in chat; 13's is only in the registry.
function bulletin(): Bulletin {
  const projects = [
    ...Array.from({ length: 12 }, (_, i) => P({ id: i + 1, name: `红${i + 1}号项目`, town: '东城街道' })),
    P({ id: 13, name: '滞后项目', town: '西城镇', leader: '赵副区长', plannedStart: '2026-01-01', plannedFinish: '2026-12-31' }),
  ];
  const input: StatsInput = {
    period: periodOf('month', '2026-11'),
    today: '2026-12-01',
    projects,
    reports: [...projects.slice(0, 12).flatMap((p) => daily(p.id, '2026-10-01', '2026-11-20', 50)), ...daily(13, '2026-10-01', '2026-11-30', 75)],
    stoppages: [],
    problems: [{ id: 1, projectId: 13, text: '用地指标未落实', firstDate: '2026-10-15', status: 'open', closedAt: null }],
    comments: [],
    leaders: new Map([[1, [{ id: 7, name: '张三' }]]]),
    boundSince: new Map(projects.map((p) => [p.id, '2026-09-01'])),
    isWorkday: calendar.isWorkday,
  };
  return {
    kind: 'month',
    title: '2026年11月全区重点项目建设情况通报',
    input,
    district: computeStats(input, 'district'),
    byTown: computeStats(input, 'town'),
    byUnit: computeStats(input, 'unit'),
    previous: computeStats({ ...input, period: periodOf('month', '2026-10') }).overall,
    honours: null,
  };
}

describe('dispatchText', () => {
  const b = bulletin();

  it('compares with last month, names red and lagging projects with their leaders, caps long lists', () => {
    const text = dispatchText(b, false);
    const lines = text.split('\n');
    expect(lines[0]).toBe('【月通报】2026年11月（11月1日至11月30日）');
    // October: 13 projects × 18 workdays, all reported; November: 21 workdays, 12 projects missed 6 each.
    expect(lines[2]).toBe('日报报送率 73.6%，比上月下降 26.4 个百分点（应报 273 份，已报 201 份）；');
    expect(lines).toContain('二、红灯项目（12 个）');
    expect(lines).toContain('· 红1号项目：已连续 5 个工作日未报日报（帮包领导：张三）');
    expect(lines).toContain('  ……等共 12 个，详见 Excel 附件');
    expect(lines.filter((l) => l.startsWith('· 红'))).toHaveLength(10);
    expect(lines).toContain('三、进度滞后项目（1 个）');
    expect(lines.find((l) => l.startsWith('· 滞后项目'))).toMatch(/^· 滞后项目：形象进度 75%，序时进度 .*（帮包领导：赵副区长）$/);
    expect(lines).toContain('四、问题：本月新提出 0 项，销号 0 项，未销号 1 项（超过 14 天 1 项）。');
    expect(lines[lines.length - 1]).toBe('排名表和图表见下图，完整通报见 Excel 附件。');
  });

  it('adds 表扬 and 通报批评 when given, numbered after what precedes, and marks a late run', () => {
    const honours = { commended: [{ projectId: 13, name: '滞后项目', reasons: ['日报全勤'] }], criticised: [{ projectId: 1, name: '红1号项目', reasons: ['报送率 70%', '红灯'] }] };
    const text = dispatchText({ ...b, previous: null, honours }, true);
    expect(text.split('\n')[0]).toBe('【月通报】2026年11月（11月1日至11月30日）（补发）');
    expect(text).toContain('\n六、表扬\n· 滞后项目：日报全勤\n七、通报批评\n· 红1号项目：报送率 70%；红灯\n');
  });

  it('names at most 20 criticised projects in the chat, pointing to the workbook for the rest', () => {
    const criticised = Array.from({ length: 25 }, (_, i) => ({ projectId: i + 1, name: `项目${i + 1}`, reasons: ['红灯'] }));
    const lines = dispatchText({ ...b, honours: { commended: [], criticised } }, false).split('\n');
    expect(lines.filter((l) => /^· 项目\d+：红灯$/.test(l))).toHaveLength(20);
    expect(lines).toContain('  ……等共 25 个，名单见 Excel 附件“项目明细”表');
  });

  it('writes the weekly dispatch at week scale, without the workbook', () => {
    const week = { ...b, kind: 'week' as const, district: computeStats({ ...b.input, period: periodOf('week', '2026-W48') }), previous: null };
    const text = dispatchText(week, false);
    expect(text.split('\n')[0]).toBe('【周调度】2026年第48周（11月23日至11月29日）');
    expect(text).toContain('本周完成投资');
    // No workbook goes with the weekly text, so the cap points nowhere.
    expect(text).toContain('\n  ……等共 12 个\n');
    expect(text.endsWith('排名表和图表见下图。')).toBe(true);
  });
});
