import { leaderDigestText, digestOrder, type DigestExtra } from '../../src/text/digest';
import type { Light, ProjectFigures } from '../../src/core/stats/types';
import { schedulePhrase } from '../../src/core/stats/figures';

const WEEK = { from: '2026-11-23', to: '2026-11-29' };

function figures(id: number, name: string, light: Light, o: { received?: number; due?: number; gained?: number | null; ahead?: number | null; why?: string } = {}): ProjectFigures {
  const due = o.due ?? 5;
  const received = o.received ?? due;
  const ahead = o.ahead ?? null;
  return {
    id,
    name,
    groups: ['全区'],
    reporting: { due, received, missed: due - received, rate: due ? Math.round((received / due) * 1000) / 10 : null },
    started: true,
    dueToStart: true,
    investment: { period: null, basis: 'none', yearToDate: null, annualPlan: null, completionRate: null, aheadPoints: ahead, phrase: ahead === null ? null : schedulePhrase(ahead) },
    progress: { start: null, end: null, gained: o.gained === undefined ? 1 : o.gained, basis: 'cumulative' },
    stagnant: null,
    light,
    previousLight: light,
    warnings: light === 'green' ? [] : [{ projectId: id, kind: 'missing', level: light, text: `${name} ${o.why ?? '已连续 3 个工作日未报日报'}` }],
  };
}

const extra = (over: Partial<DigestExtra> = {}): DigestExtra => ({ openProblems: [], commentedDays: 3, uncommentedDays: 2, commentRate: 60, ...over });

describe('leader digest text (帮包项目周报)', () => {
  it('greets the leader, names the week, lists red and yellow first, then by name', () => {
    const ps = [
      figures(1, '港口物流仓储中心', 'green', { gained: 0, ahead: 3.24 }),
      figures(2, '精细化工中间体项目', 'red', { received: 2, gained: null }),
      figures(3, '汽车零部件智能制造项目', 'yellow', { gained: 1.25, ahead: -12, why: '形象进度落后序时 12 个百分点' }),
      figures(4, '保税仓库', 'green', { gained: 2 }),
    ];
    const text = leaderDigestText('张副区长', WEEK, ps, extra(), false);
    expect(text).toBe(
      [
        '张副区长，您好。',
        '【帮包项目周报】11月23日至11月29日',
        '您帮包的 4 个项目（红灯 1 个、黄灯 1 个）：',
        '🔴 精细化工中间体项目：报送 2/5 天，形象进度未报；已连续 3 个工作日未报日报',
        '🟡 汽车零部件智能制造项目：报送 5/5 天，形象进度 +1.3 个百分点，投资低于序时进度 12.0 个百分点；形象进度落后序时 12 个百分点',
        '🟢 保税仓库：报送 5/5 天，形象进度 +2.0 个百分点',
        '🟢 港口物流仓储中心：报送 5/5 天，形象进度无进展，投资超序时进度 3.2 个百分点',
        '本周点评日报 3/5 份（60.0%）。',
        '精细化工中间体项目亮红灯，烦请及时点评督导（可直接回复 #点评 项目 内容）。谢谢！',
      ].join('\n'),
    );
  });

  it('orders by light and Chinese collation', () => {
    const ps = [figures(1, '乙', 'green'), figures(2, '甲', 'yellow'), figures(3, '丙', 'red'), figures(4, '丁', 'red')];
    expect(digestOrder(ps).map((p) => p.name)).toEqual(['丙', '丁', '甲', '乙']);
  });

  it('lists at most five open problems, oldest first, and counts the rest', () => {
    const openProblems = [3, 40, 12, 7, 25, 1, 18].map((ageDays, i) => ({ projectName: i % 2 ? '甲项目' : '乙项目', text: `问题${ageDays}`, ageDays }));
    const text = leaderDigestText('王区长', WEEK, [figures(1, '甲项目', 'green'), figures(2, '乙项目', 'green')], extra({ openProblems }), false);
    const lines = text.split('\n');
    const start = lines.indexOf('未销号问题 7 项（久拖在前）：');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 7)).toEqual([
      '· 甲项目：问题40（已 40 天）',
      '· 乙项目：问题25（已 25 天）',
      '· 乙项目：问题18（已 18 天）',
      '· 乙项目：问题12（已 12 天）',
      '· 甲项目：问题7（已 7 天）',
      '……等共 7 项',
    ]);
    expect(text).not.toContain('问题3（');
  });

  it('cuts a long problem text and leaves out an empty one', () => {
    const long = '项目用地范围内高压线迁改需要供电部门协调配合尽快完成以免影响主体施工进度';
    const text = leaderDigestText('王区长', WEEK, [figures(1, '甲项目', 'green')], extra({ openProblems: [{ projectName: '甲项目', text: long, ageDays: 9 }, { projectName: '甲项目', text: '', ageDays: 2 }] }), false);
    expect(text).toContain(`· 甲项目：${[...long].slice(0, 24).join('')}…（已 9 天）`);
    expect(text).toContain('· 甲项目（已 2 天）');
    expect(text).not.toContain('……等共');
  });

  it('marks a late digest', () => {
    const text = leaderDigestText('王区长', WEEK, [figures(1, '甲项目', 'green')], extra(), true);
    expect(text.split('\n')[1]).toBe('【帮包项目周报】11月23日至11月29日（补发）');
  });

  it('asks for nothing when no project is red, and skips the rate when nothing was reported', () => {
    const text = leaderDigestText('刘副区长', WEEK, [figures(1, '甲项目', 'green', { received: 0, gained: null }), figures(2, '乙项目', 'yellow', { due: 0, received: 0 })], extra({ commentedDays: 0, uncommentedDays: 0, commentRate: null }), false);
    expect(text).toBe(
      [
        '刘副区长，您好。',
        '【帮包项目周报】11月23日至11月29日',
        '您帮包的 2 个项目（黄灯 1 个）：',
        '🟡 乙项目：本周无需报送，形象进度 +1.0 个百分点；已连续 3 个工作日未报日报',
        '🟢 甲项目：报送 0/5 天，形象进度未报',
      ].join('\n'),
    );
  });

  it('says so when every project is green, and rounds the rate to one decimal', () => {
    const text = leaderDigestText('王区长', WEEK, [figures(1, '甲项目', 'green')], extra({ commentedDays: 2, uncommentedDays: 1, commentRate: 66.666 }), false);
    expect(text).toContain('您帮包的 1 个项目均为绿灯：');
    expect(text).toContain('本周点评日报 2/3 份（66.7%）。');
    expect(text).not.toContain('烦请');
  });
});
