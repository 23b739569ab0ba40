import {
  DISPATCH_SET,
  SET_COMMAND,
  SET_SUBCOMMANDS,
  adminsAdded,
  honourRatesCrossed,
  honourRuleChanged,
  honourRuleOutOfRange,
  honourRulesText,
  rolesAssigned,
  thresholdChanged,
  thresholdOutOfRange,
  thresholdsCrossed,
  thresholdsText,
  unknownHonourRule,
  unknownThreshold,
  usageReply,
  yesNo,
} from '../../src/text/settings';

describe('#设置 texts', () => {
  it('describes #设置 and its subcommands', () => {
    expect(SET_COMMAND).toMatchSnapshot();
    expect(SET_SUBCOMMANDS).toMatchSnapshot();
  });

  it('shows usage for one command and several', () => {
    expect(usageReply([SET_SUBCOMMANDS.admin.usage])).toMatchSnapshot();
    expect(usageReply([SET_SUBCOMMANDS.liaison.usage, SET_SUBCOMMANDS.leader.usage])).toMatchSnapshot();
  });

  it('confirms roles, admins and the dispatch group', () => {
    expect(rolesAssigned('联络员', ['张三'], ['精细化工中间体项目'])).toMatchSnapshot();
    expect(rolesAssigned('帮包领导', ['王区长', '刘副区长'], ['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
    expect(adminsAdded(['李主任', '周科长'])).toMatchSnapshot();
    expect(DISPATCH_SET).toMatchSnapshot();
  });

  it('records yes and no', () => {
    expect([yesNo(true), yesNo(false)]).toMatchSnapshot();
  });
});

describe('warning thresholds and bulletin rules', () => {
  it('refuses an unknown name, a value out of range, and crossed values', () => {
    expect(unknownThreshold('滞后', ['未报黄', '未报红', '滞后黄', '滞后红'])).toMatchSnapshot();
    expect(thresholdOutOfRange({ name: '未报红', min: 1, max: 30, unit: 'workdays', typed: '三十五' })).toMatchSnapshot();
    expect(thresholdsCrossed('滞后黄', 20)).toMatchSnapshot();
    expect(unknownHonourRule('表扬', ['表扬报送率', '表扬名额'])).toMatchSnapshot();
    expect(honourRuleOutOfRange({ name: '表扬名额', min: 0, max: 50, unit: 'projects', typed: '-1', example: 10 })).toMatchSnapshot();
    expect(honourRatesCrossed('批评报送率', 95, { criticise: 80, commend: 90 })).toMatchSnapshot();
  });

  it('confirms changes, in percent and in other units', () => {
    expect(thresholdChanged({ name: '滞后黄', from: 10, to: 15, unit: 'points' })).toMatchSnapshot();
    expect(honourRuleChanged({ name: '批评报送率', from: 80, to: 85, unit: 'percent' })).toMatchSnapshot();
    expect(honourRuleChanged({ name: '批评逾期未开工天数', from: 30, to: 45, unit: 'days' })).toMatchSnapshot();
  });

  it('shows the values in force', () => {
    const thresholds = [
      { name: '未报黄', value: 2, unit: 'workdays' as const },
      { name: '滞后红', value: 20, unit: 'points' as const },
      { name: '未入库红', value: 90, unit: 'days' as const },
    ];
    expect(thresholdsText(thresholds)).toMatchSnapshot();
    const rules = { commendRate: 100, commendLimit: 10, commendProgress: 5, criticiseRate: 80, criticiseOverdueDays: 30, criticiseStagnantDays: 30 };
    const named = [
      { name: '表扬报送率', value: 100, unit: 'percent' as const },
      { name: '表扬名额', value: 10, unit: 'projects' as const },
    ];
    expect(honourRulesText(rules, named)).toMatchSnapshot();
  });
});
