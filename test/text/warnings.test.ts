import { districtWarningsText, groupWarningsText } from '../../src/text/warnings';

const red = { level: 'red' as const, text: '精细化工中间体项目 已连续 3 个工作日未报日报' };
const yellow = { level: 'yellow' as const, text: '精细化工中间体项目 形象进度落后计划 12 个百分点' };
const notStarted = { level: 'yellow' as const, text: '港口物流仓储中心 逾期 20 天未开工' };

describe('warning texts', () => {
  it('lights a project group, on time and late', () => {
    expect(groupWarningsText('2026-11-24', false, [red, yellow])).toMatchSnapshot();
    expect(groupWarningsText('2026-11-24', true, [yellow])).toMatchSnapshot();
  });

  it('sums up the district: red lights, late starts, or both', () => {
    expect(districtWarningsText('2026-11-23', false, [red], [])).toMatchSnapshot();
    expect(districtWarningsText('2026-11-23', false, [], [notStarted])).toMatchSnapshot();
    expect(districtWarningsText('2026-11-23', true, [red, red], [notStarted])).toMatchSnapshot();
  });
});
