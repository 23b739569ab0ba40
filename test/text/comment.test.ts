import {
  COMMENT_ASK,
  COMMENT_COMMAND,
  commentForwarded,
  commentNeedsText,
  commentNudge,
  commentPromptToGroup,
  commentPromptToLeader,
  commentShown,
  nothingToComment,
} from '../../src/text/comment';
import { blankReport } from '../support/report';

const P = '精细化工中间体项目';
const reports = [
  { project: P, report: blankReport({ progressPercent: 38, workers: 64, todayWork: '二层顶板浇筑' }) },
  { project: '港口物流仓储中心', report: blankReport({ progressPercent: 12 }) },
];

describe('comment texts', () => {
  it('describes #点评 and how it asks for a project', () => {
    expect(COMMENT_COMMAND).toMatchSnapshot();
    expect([COMMENT_ASK.verb, COMMENT_ASK.example(P)]).toMatchSnapshot();
  });

  it('answers a comment', () => {
    expect(commentNeedsText(P)).toMatchSnapshot();
    expect(nothingToComment(P)).toMatchSnapshot();
    expect(commentShown({ by: '王区长', project: P, date: '2026-11-24', text: '进度不错，注意安全。' })).toMatchSnapshot();
    expect(commentForwarded({ project: P, date: '2026-11-24' })).toMatchSnapshot();
  });

  it('prompts a leader privately and a group, with one report and several', () => {
    expect(commentPromptToLeader('王区长', reports.slice(0, 1))).toMatchSnapshot();
    expect(commentPromptToLeader('王区长', reports)).toMatchSnapshot();
    expect(commentPromptToGroup(reports)).toMatchSnapshot();
  });

  it('nudges a leader', () => {
    expect(commentNudge('王区长', 3)).toMatchSnapshot();
  });
});
