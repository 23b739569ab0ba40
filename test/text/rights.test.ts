import { REFUSAL, notYourProject, roleName, whoText } from '../../src/text/rights';

describe('rights texts', () => {
  it('refuses by place and right', () => {
    expect(REFUSAL).toMatchSnapshot();
  });

  it('names roles and who may use a command', () => {
    expect([roleName('liaison'), roleName('leader'), roleName('admin')]).toMatchSnapshot();
    expect([whoText('anyone'), whoText('admin'), whoText(['联络员', '帮包领导', '管理员'])]).toMatchSnapshot();
  });

  it('refuses a project command to one role, two, and three', () => {
    expect(notYourProject('精细化工中间体项目', ['管理员'], '点评')).toMatchSnapshot();
    expect(notYourProject('精细化工中间体项目', ['帮包领导', '管理员'], '点评')).toMatchSnapshot();
    expect(notYourProject('精细化工中间体项目', ['联络员', '帮包领导', '管理员'], '申报停工、复工')).toMatchSnapshot();
  });
});
