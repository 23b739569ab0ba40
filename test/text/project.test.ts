import { ambiguousProject, nameTheProject, noProjectOfYours, unknownProject, whichProject } from '../../src/text/project';

const TWO = ['精细化工中间体项目', '汽车零部件智能制造项目'];

describe('resolveProject texts', () => {
  it('has no project of the asker to act on', () => {
    expect(noProjectOfYours(true, '点评')).toMatchSnapshot();
    expect(noProjectOfYours(false, '停工')).toMatchSnapshot();
  });

  it('asks which project, in a group and outside one', () => {
    expect(nameTheProject(TWO)).toMatchSnapshot();
    expect(whichProject({ verb: '停工', example: '#停工 精细化工中间体项目 环保管控', candidates: TWO, inGroup: true })).toMatchSnapshot();
    expect(whichProject({ verb: '点评', example: '#点评 精细化工中间体项目 进度不错，注意安全', candidates: TWO, inGroup: false })).toMatchSnapshot();
  });

  it('answers a name that is unclear or not here', () => {
    expect(ambiguousProject('项目', TWO)).toMatchSnapshot();
    expect(unknownProject('钢铁厂', TWO)).toMatchSnapshot();
  });
});
