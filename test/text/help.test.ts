import { HELP_COMMAND, helpText, unknownCommand } from '../../src/text/help';

const commands = [
  { usage: '#模板', help: '获取本群项目的日报模板' },
  { usage: '#进度 [项目]', help: '查看最近一份日报和近 7 次进度' },
];

describe('help texts', () => {
  it('describes #帮助', () => {
    expect(HELP_COMMAND).toMatchSnapshot();
  });

  it('helps a member with no role and no admin commands', () => {
    expect(helpText({ liaisonOf: [], leaderOf: [], commands, adminCommands: [] })).toMatchSnapshot();
  });

  it('helps a liaison and leader who is an admin', () => {
    const adminCommands = [{ usage: '#解绑 [项目名]', help: '解除绑定（不写项目名则全部解除）' }];
    expect(helpText({ liaisonOf: ['精细化工中间体项目'], leaderOf: ['精细化工中间体项目', '港口物流仓储中心'], commands, adminCommands })).toMatchSnapshot();
  });

  it('answers an unknown command', () => {
    expect(unknownCommand('天气')).toMatchSnapshot();
  });
});
