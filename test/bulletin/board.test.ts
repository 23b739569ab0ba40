import { dailyBoardText } from '../../src/bulletin/board';

describe('dailyBoardText', () => {
  it('counts, lists the missing by unit, stoppages, the top gains and new problems', () => {
    const text = dailyBoardText({
      date: '2026-11-24',
      due: 4,
      missing: [{ name: '港口物流仓储中心', unit: '区交通运输局' }],
      stopped: ['北山文旅康养综合体'],
      reports: [
        { name: '精细化工中间体项目', progressPercent: 40, previousPercent: 38, newProblems: [] },
        { name: '汽车零部件智能制造项目', progressPercent: 58.5, previousPercent: 55, newProblems: ['高压线迁改需供电部门配合'] },
        { name: '城东中学扩建工程', progressPercent: 45, previousPercent: 46, newProblems: [] },
      ],
      late: false,
    });
    expect(text).toBe(
      [
        '【日晒榜】11月24日（周二）',
        '应报 4 个项目，已报 3 个，未报 1 个，报送率 75.0%。',
        '停工 1 个（不计未报）：北山文旅康养综合体',
        '未报送：',
        '· 港口物流仓储中心（区交通运输局）',
        '进度提升：汽车零部件智能制造项目 +3.5 个百分点（58.5%）；精细化工中间体项目 +2 个百分点（40%）',
        '新提出问题 1 项：',
        '· 汽车零部件智能制造项目：高压线迁改需供电部门配合',
      ].join('\n'),
    );
  });

  it('marks a board sent late after downtime, and copes with nothing due', () => {
    const text = dailyBoardText({ date: '2026-11-28', due: 0, missing: [], stopped: [], reports: [], late: true });
    expect(text).toBe('【日晒榜】11月28日（周六）（补发）\n应报 0 个项目，已报 0 个，未报 0 个，报送率 —。');
  });
});
