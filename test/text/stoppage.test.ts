import {
  RESUME_WORK_ASK,
  RESUME_WORK_COMMAND,
  STOP_ASK,
  STOP_COMMAND,
  alreadyStopped,
  notStopped,
  stopDeclared,
  stopNeedsReason,
  stopUntilUnreadable,
  workResumed,
} from '../../src/text/stoppage';

const P = '精细化工中间体项目';

describe('stoppage texts', () => {
  it('describes #停工 and #复工 and how they ask for a project', () => {
    expect(STOP_COMMAND).toMatchSnapshot();
    expect(RESUME_WORK_COMMAND).toMatchSnapshot();
    expect([STOP_ASK.verb, STOP_ASK.example(P)]).toMatchSnapshot();
    expect([RESUME_WORK_ASK.verb, RESUME_WORK_ASK.example(P)]).toMatchSnapshot();
  });

  it('asks again for what #停工 misses', () => {
    expect(stopUntilUnreadable(P, '下月')).toMatchSnapshot();
    expect(stopNeedsReason(P)).toMatchSnapshot();
    expect(alreadyStopped({ project: P, reason: '环保管控', from: '2026-11-20' })).toMatchSnapshot();
  });

  it('declares a stoppage with and without its last day', () => {
    expect(stopDeclared({ project: P, reason: '环保管控', from: '2026-11-24', until: '2026-12-05' })).toMatchSnapshot();
    expect(stopDeclared({ project: P, reason: '环保管控', from: '2026-11-24', until: null })).toMatchSnapshot();
  });

  it('resumes work after days, the same day, or with nothing stopped', () => {
    expect(workResumed(P, 4)).toMatchSnapshot();
    expect(workResumed(P, 0)).toMatchSnapshot();
    expect(notStopped(P)).toMatchSnapshot();
  });
});
