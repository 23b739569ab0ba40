import { reportFlags } from '../../src/core/report/checks';
import type { Report } from '../../src/domain/report';

const base: Report = {
  project: '精细化工中间体项目',
  date: '2026-11-24',
  progressPercent: 38,
  progressText: null,
  todayWork: '综合楼二层顶板浇筑',
  workers: 64,
  machines: 7,
  investmentCumulative: 14200,
  investmentMonth: 900,
  problems: [],
  nextPlan: '三层墙柱钢筋绑扎',
};

describe('reportFlags', () => {
  it('flags nothing for a normal day-on-day change', () => {
    const prev = { ...base, date: '2026-11-23', progressPercent: 37, investmentCumulative: 14000, todayWork: '二层梁板钢筋' };
    expect(reportFlags(base, prev, 50000)).toEqual([]);
  });

  it('flags a copy of the previous report', () => {
    expect(reportFlags({ ...base }, { ...base, date: '2026-11-23' }, 50000)).toEqual(['内容与上次（2026-11-23）完全相同']);
  });

  it('flags investment going down, above the total, and progress going backwards', () => {
    const prev = { ...base, date: '2026-11-23', progressPercent: 40, investmentCumulative: 15000 };
    const flags = reportFlags({ ...base, investmentCumulative: 60000 }, prev, 50000);
    expect(flags).toEqual(['形象进度较上次回落（上次 40%）', '累计完成投资超过项目总投资（50000 万元）']);
    expect(reportFlags(base, prev, null)).toEqual(['累计完成投资低于上次（15000 万元）', '形象进度较上次回落（上次 40%）']);
  });

  it('has nothing to compare on a first report', () => {
    expect(reportFlags(base, undefined, 10000)).toEqual(['累计完成投资超过项目总投资（10000 万元）']);
  });
});
