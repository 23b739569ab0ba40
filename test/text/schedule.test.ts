import {
  PAUSE_COMMAND,
  RESUME_COMMAND,
  SCHEDULE_COMMAND,
  SCHEDULE_OFF,
  alreadyPaused,
  badJobTime,
  jobPaused,
  jobTimeChanged,
  nameTheJob,
  pausedWord,
  scheduleText,
  unknownJobToSet,
  unknownJobToToggle,
} from '../../src/text/schedule';

const LABELS = ['提醒', '催报', '日晒榜'];

describe('schedule texts', () => {
  it('describes #日程, #暂停 and #恢复', () => {
    expect([SCHEDULE_COMMAND, PAUSE_COMMAND, RESUME_COMMAND]).toMatchSnapshot();
    expect(SCHEDULE_OFF).toMatchSnapshot();
  });

  it('asks for the job to pause or resume', () => {
    expect(nameTheJob(true)).toMatchSnapshot();
    expect(nameTheJob(false)).toMatchSnapshot();
  });

  it('lists jobs running, on workdays beyond the calendar, paused, and not due in the lookahead', () => {
    const text = scheduleText(
      [
        { label: '提醒', when: '16:00', workdaysOnly: true, paused: false, next: new Date('2026-11-24T08:00:00Z'), uncovered: false },
        { label: '日晒榜', when: '20:00', workdaysOnly: true, paused: false, next: new Date('2027-01-04T12:00:00Z'), uncovered: true },
        { label: '周调度', when: '周一 09:00', workdaysOnly: false, paused: true, next: null, uncovered: false },
        { label: '月通报', when: '每月1日 09:00', workdaysOnly: false, paused: false, next: null, uncovered: false },
      ],
      40,
    );
    expect(text).toMatchSnapshot();
  });

  it('answers changes of a job', () => {
    expect(unknownJobToSet('早报', LABELS)).toMatchSnapshot();
    expect(unknownJobToToggle('早报', LABELS)).toMatchSnapshot();
    expect(badJobTime('明早', '提醒', 'daily')).toMatchSnapshot();
    expect(badJobTime('9:00', '周调度', 'weekly')).toMatchSnapshot();
    expect(badJobTime('9:00', '月通报', 'monthly')).toMatchSnapshot();
    expect(jobTimeChanged('提醒', '16:00', '16:30')).toMatchSnapshot();
  });

  it('pauses and resumes', () => {
    expect([pausedWord(true), pausedWord(false)]).toMatchSnapshot();
    expect(alreadyPaused('日晒榜', true)).toMatchSnapshot();
    expect(alreadyPaused('日晒榜', false)).toMatchSnapshot();
    expect(jobPaused('日晒榜', true)).toMatchSnapshot();
    expect(jobPaused('日晒榜', false)).toMatchSnapshot();
  });
});
