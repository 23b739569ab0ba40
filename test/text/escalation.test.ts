import { escalationText, type EscalatedProblem } from '../../src/text/escalation';

const item = (id: number, level: EscalatedProblem['level'], over: Partial<EscalatedProblem> = {}): EscalatedProblem => ({
  id,
  project: '精细化工中间体项目',
  unit: '城东街道办事处',
  text: '供电线路迁改',
  firstDate: '2026-10-20',
  days: [0, 3, 7, 14, 30][level]!,
  level,
  ...over,
});

describe('escalation texts', () => {
  it('tells a project group of each lower step', () => {
    expect(escalationText({ date: '2026-11-24', late: false, items: [item(1, 1), item(2, 2)], withProject: false, letters: [] })).toMatchSnapshot();
  });

  it('names the project in a group of several, late', () => {
    expect(escalationText({ date: '2026-11-24', late: true, items: [item(3, 3, { project: '港口物流仓储中心' })], withProject: true, letters: [] })).toMatchSnapshot();
  });

  it('lists the letters in a dispatch group, with and without a unit', () => {
    const letters = [item(3, 3), item(4, 4, { unit: null })];
    expect(escalationText({ date: '2026-11-24', late: false, items: [], withProject: false, letters })).toMatchSnapshot();
  });

  it('carries both in a dispatch group with projects of its own', () => {
    expect(escalationText({ date: '2026-11-24', late: false, items: [item(4, 4)], withProject: true, letters: [item(4, 4)] })).toMatchSnapshot();
  });
});
