import { letterText, longDate } from '../../src/text/letters';

const base = {
  number: 12,
  project: '精细化工中间体项目',
  unit: '城东街道办事处',
  leader: '王区长',
  problem: '高压线迁改需供电部门配合',
  firstDate: '2026-11-10',
};

describe('letters', () => {
  it('writes a 提醒函 to the responsible unit, naming the problem, since when and for how long', () => {
    expect(letterText({ ...base, kind: 'reminder', today: '2026-11-24', days: 14 })).toBe(
      [
        '关于加快解决精细化工中间体项目“高压线迁改需供电部门配合”问题的提醒函',
        '',
        '城东街道办事处：',
        '',
        '\u3000\u3000精细化工中间体项目日报自2026年11月10日起反映“高压线迁改需供电部门配合”问题（问题编号 12），截至2026年11月24日已持续14天，至今未能解决，影响项目建设进度。',
        '',
        '\u3000\u3000请你单位高度重视，主动对接相关部门，抓紧协调解决，并于5个工作日内将办理情况报区重点项目办公室。问题解决后，请在项目工作群发送“#销号 12 办理情况”予以销号。',
        '',
        '\u3000\u3000特此函告。',
        '',
        '区重点项目办公室',
        '2026年11月24日',
      ].join('\n'),
    );
  });

  it('writes a firmer 督办函, reported to the principal leaders and copied to the leader', () => {
    const text = letterText({ ...base, kind: 'supervision', today: '2026-12-10', days: 30, deadlineWorkdays: 3 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('关于督办解决精细化工中间体项目“高压线迁改需供电部门配合”问题的督办函');
    expect(lines[2]).toBe('城东街道办事处：');
    expect(text).toContain('截至2026年12月10日已持续30天，长期未能解决');
    expect(text).toContain('并于3个工作日内将办理结果书面报区重点项目办公室');
    expect(text).toContain('特此督办。');
    expect(lines.slice(-5)).toEqual(['区重点项目办公室', '2026年12月10日', '', '抄报：区主要领导', '抄送：王区长（帮包领导）']);
  });

  it('addresses the project’s responsible unit generically when the registry has none', () => {
    const text = letterText({ ...base, unit: null, leader: null, kind: 'supervision', today: '2026-12-10', days: 30 });
    expect(text.split('\n')[2]).toBe('精细化工中间体项目责任单位：');
    expect(text.endsWith('抄报：区主要领导')).toBe(true);
  });

  it('dates in the official style', () => {
    expect(longDate('2026-01-05')).toBe('2026年1月5日');
  });
});
