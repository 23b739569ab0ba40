import { lastCallText, reminderText } from '../../src/text/reminders';

describe('reminder texts', () => {
  it('reminds and chases one project and several', () => {
    expect(reminderText('2026-11-24', ['精细化工中间体项目'])).toMatchSnapshot();
    expect(reminderText('2026-11-24', ['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
    expect(lastCallText('2026-11-24', ['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
  });
});
