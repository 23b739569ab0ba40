import { DISPATCH_SET, SET_COMMAND, SET_SUBCOMMANDS, adminsAdded, rolesAssigned, usageReply, yesNo } from '../../src/text/settings';

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
