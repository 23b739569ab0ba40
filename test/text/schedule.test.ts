import { PAUSE_COMMAND, RESUME_COMMAND, SCHEDULE_COMMAND, SCHEDULE_OFF, nameTheJob } from '../../src/text/schedule';

describe('schedule texts', () => {
  it('describes #日程, #暂停 and #恢复', () => {
    expect([SCHEDULE_COMMAND, PAUSE_COMMAND, RESUME_COMMAND]).toMatchSnapshot();
    expect(SCHEDULE_OFF).toMatchSnapshot();
  });

  it('asks for the job to pause or resume', () => {
    expect(nameTheJob(true)).toMatchSnapshot();
    expect(nameTheJob(false)).toMatchSnapshot();
  });
});
