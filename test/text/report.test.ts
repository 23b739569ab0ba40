import { REPORT_IN_GROUP, TEMPLATE_COMMAND, projectInvalidReply, reportTooLong, reportNeedsProject, reportProjectAmbiguous, reportProjectNotHere, reportSaved, templateReply } from '../../src/text/report';
import { blankReport } from '../support/report';

const none = { continued: [], opened: [] };
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

  it('names the project of a combined report that must be fixed', () => {
    const errors = [{ key: 'progressPercent' as const, field: '形象进度', message: '形象进度应为 0–100 之间的百分比', got: '百分之一百一十', example: '38%' }];
    expect(projectInvalidReply('港口物流仓储中心', errors)).toMatchSnapshot();
  });

  it('answers a message too long to read briefly', () => {
    expect(reportTooLong(20000)).toMatchSnapshot();
  });

  it('acknowledges a first report with nothing to check', () => {
    expect(reportSaved({ project: '精细化工中间体项目', report: blankReport({ progressPercent: 12.5 }), revision: 1, flags: [], problems: none })).toMatchSnapshot();
  });

  it('acknowledges a revision with flags and tracked problems', () => {
    const problems = { continued: [{ id: 3, days: 9 }], opened: [{ id: 12, reopens: 4 }] };
    const flags = ['形象进度比上次（40%）下降', '施工人数为 0'];
    expect(reportSaved({ project: '精细化工中间体项目', report: full, revision: 2, flags, problems })).toMatchSnapshot();
  });
});
