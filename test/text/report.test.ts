import {
  CONFIRM_COMMAND,
  REPORT_IN_GROUP,
  TEMPLATE_COMMAND,
  TEMPLATE_UNCHANGED,
  nothingToConfirm,
  reportConfirmed,
  reportKept,
  reportNeedsProject,
  reportProjectAmbiguous,
  reportProjectNotHere,
  reportSaved,
  reportTooLong,
  reportsReply,
  templateReply,
} from '../../src/text/report';
import { blankReport } from '../support/report';

const none = { continued: [], opened: [], withdrawn: [] };
const full = blankReport({ project: '化工中间体', progressPercent: 38, workers: 64, machines: 7, investmentCumulative: 14200, investmentMonth: 900, problems: ['征地拆迁未完成'] });

describe('report texts', () => {
  it('#模板 for one project, several, and none', () => {
    expect(TEMPLATE_COMMAND).toMatchSnapshot();
    expect(templateReply(['精细化工中间体项目'])).toMatchSnapshot();
    expect(templateReply(['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
    expect(templateReply([])).toMatchSnapshot();
  });

  it('asks which project a report is for', () => {
    expect(REPORT_IN_GROUP).toMatchSnapshot();
    expect(reportNeedsProject(['精细化工中间体项目', '港口物流仓储中心'])).toMatchSnapshot();
    expect(reportProjectAmbiguous('项目', ['精细化工中间体项目', '汽车零部件智能制造项目'])).toMatchSnapshot();
    expect(reportProjectNotHere('钢铁厂', ['精细化工中间体项目'])).toMatchSnapshot();
  });

  it('answers a combined report once: each project saved, kept, to fix, or not of the group', () => {
    const errors = [{ key: 'progressPercent' as const, field: '形象进度', message: '形象进度应为 0–100 之间的百分比', got: '百分之一百一十', example: '38%' }];
    const saved = { project: '精细化工中间体项目', report: { ...full, notes: { investmentCumulative: '占总投资32%' } }, revision: 2, flags: ['施工人数为 0'], problems: { continued: [], opened: [{ id: 12, reopens: null }], withdrawn: [] } };
    const groupProjects = ['精细化工中间体项目', '港口物流仓储中心', '汽车零部件智能制造项目'];
    expect(
      reportsReply(
        [
          { kind: 'saved', saved },
          { kind: 'kept', kept: { project: '汽车零部件智能制造项目', report: full, revision: 3, hasLiaison: true } },
          { kind: 'invalid', project: '港口物流仓储中心', errors },
          { kind: 'unmatched', project: '钢铁厂', candidates: [] },
          { kind: 'unmatched', project: '项目', candidates: ['精细化工中间体项目', '汽车零部件智能制造项目'] },
        ],
        groupProjects,
      ),
    ).toMatchSnapshot();
    expect(reportsReply([{ kind: 'saved', saved: { ...saved, revision: 1, flags: [] } }, { kind: 'saved', saved: { ...saved, project: '港口物流仓储中心', report: full, revision: 1, flags: [] } }], groupProjects)).toMatchSnapshot();
  });

  it('echoes remarks typed after figures, and says a correction replaced the day report', () => {
    const report = { ...full, correction: true as const, notes: { investmentCumulative: '占总投资32%', workers: '其中管理人员8人' } };
    const problems = { continued: [{ id: 3, days: 2 }], opened: [], withdrawn: [5] };
    expect(reportSaved({ project: '精细化工中间体项目', report, revision: 2, flags: [], problems })).toMatchSnapshot();
  });

  it('keeps a report from someone who may not replace the day report, and confirms it later', () => {
    expect(CONFIRM_COMMAND).toMatchSnapshot();
    expect(reportKept({ project: '精细化工中间体项目', report: full, revision: 2, hasLiaison: true })).toMatchSnapshot();
    expect(reportKept({ project: '精细化工中间体项目', report: full, revision: 2, hasLiaison: false })).toMatchSnapshot();
    expect(reportConfirmed({ project: '精细化工中间体项目', report: full, revision: 2, flags: [], problems: none })).toMatchSnapshot();
    expect(nothingToConfirm('精细化工中间体项目')).toMatchSnapshot();
  });

  it('answers the template sent back unchanged', () => {
    expect(TEMPLATE_UNCHANGED).toMatchSnapshot();
  });

  it('answers a message too long to read briefly', () => {
    expect(reportTooLong(20000)).toMatchSnapshot();
  });

  it('acknowledges a first report with nothing to check', () => {
    expect(reportSaved({ project: '精细化工中间体项目', report: blankReport({ progressPercent: 12.5 }), revision: 1, flags: [], problems: none })).toMatchSnapshot();
  });

  it('acknowledges a revision with flags and tracked problems', () => {
    const problems = { continued: [{ id: 3, days: 9 }], opened: [{ id: 12, reopens: 4 }], withdrawn: [] };
    const flags = ['形象进度比上次（40%）下降', '施工人数为 0'];
    expect(reportSaved({ project: '精细化工中间体项目', report: full, revision: 2, flags, problems })).toMatchSnapshot();
  });
});
