import type { Problem } from '../../src/domain/problem';
import {
  CLOSE_COMMAND,
  CLOSE_USAGE,
  PROBLEMS_COMMAND,
  closeNeedsNote,
  closedJustNow,
  districtListElsewhere,
  noSuchProblem,
  openProblemsText,
  problemAlreadyClosed,
  problemClosed,
  problemClosedNotice,
  problemWithdrawn,
  trackingNote,
  type ListedProblem,
} from '../../src/text/problems';

const problem = (id: number, over: Partial<Problem> = {}): Problem => ({
  id,
  projectId: 1,
  text: `问题${id}：征地拆迁未完成`,
  firstDate: '2026-11-10',
  lastDate: '2026-11-24',
  status: 'open',
  announcedLevel: 0,
  reopens: null,
  closedBy: null,
  closedAt: null,
  closeNote: null,
  ...over,
});

const items = (n: number, project: string | null): ListedProblem[] =>
  Array.from({ length: n }, (_, i) => ({ problem: problem(i + 1, { announcedLevel: i % 5 }), project, days: i }));

const closed = { id: 12, project: '精细化工中间体项目', text: '供电线路迁改', note: '已协调供电部门完成迁改', by: '张三', firstDate: '2026-11-15', days: 9 };

describe('problem texts', () => {
  it('describes #问题 and #销号', () => {
    expect(PROBLEMS_COMMAND).toMatchSnapshot();
    expect(CLOSE_COMMAND).toMatchSnapshot();
  });

  it('lists nothing open, for each scope', () => {
    expect(openProblemsText({ kind: 'district' }, [])).toMatchSnapshot();
    expect(openProblemsText({ kind: 'project', name: '精细化工中间体项目' }, [])).toMatchSnapshot();
    expect(openProblemsText({ kind: 'group' }, [])).toMatchSnapshot();
  });

  it('lists one project, its items at every level and age', () => {
    expect(openProblemsText({ kind: 'project', name: '精细化工中间体项目' }, items(5, null))).toMatchSnapshot();
  });

  it('lists one item of a group and the district', () => {
    expect(openProblemsText({ kind: 'group' }, items(1, '港口物流仓储中心'))).toMatchSnapshot();
    expect(districtListElsewhere(openProblemsText({ kind: 'group' }, items(1, '港口物流仓储中心')))).toMatchSnapshot();
  });

  it('caps a long list', () => {
    expect(openProblemsText({ kind: 'district' }, items(32, '精细化工中间体项目'))).toMatchSnapshot();
  });

  it('answers #销号 that cannot close', () => {
    expect(CLOSE_USAGE).toMatchSnapshot();
    expect(noSuchProblem(99)).toMatchSnapshot();
    expect(problemWithdrawn(7)).toMatchSnapshot();
    expect(closeNeedsNote(12)).toMatchSnapshot();
    expect(closedJustNow(12)).toMatchSnapshot();
  });

  it('answers an item closed before, with and without who, when and how', () => {
    expect(problemAlreadyClosed({ id: 12, on: '2026-11-20', by: '李四', note: '已迁改' })).toMatchSnapshot();
    expect(problemAlreadyClosed({ id: 12, on: null, by: null, note: null })).toMatchSnapshot();
  });

  it('announces a closed item', () => {
    expect(problemClosedNotice(closed)).toMatchSnapshot();
    expect(problemClosed(closed)).toMatchSnapshot();
  });

  it('notes what a report did to the items', () => {
    expect(trackingNote({ continued: [], opened: [], withdrawn: [] })).toBeNull();
    expect(trackingNote({ continued: [{ id: 3, days: 0 }, { id: 5, days: 6 }], opened: [], withdrawn: [] })).toMatchSnapshot();
    expect(trackingNote({ continued: [], opened: [{ id: 12, reopens: null }, { id: 13, reopens: 4 }], withdrawn: [] })).toMatchSnapshot();
    expect(trackingNote({ continued: [{ id: 3, days: 2 }], opened: [{ id: 12, reopens: null }], withdrawn: [7, 8] })).toMatchSnapshot();
  });
});
