import { dayLabel, invalidReply, oneDecimal, percentText, reportFigures, reportTemplate } from '../../src/text/format';
import { blankReport } from '../support/report';

describe('format texts', () => {
  it('writes figures, rates and days', () => {
    expect([oneDecimal(30), oneDecimal(96.15), percentText(null), percentText(4.06), dayLabel('2026-01-05')]).toMatchSnapshot();
  });

  it('sums up what the parser read: everything, or nothing but no problems', () => {
    const full = blankReport({ progressPercent: 38.456, workers: 64, machines: 7, investmentCumulative: 14200.5, investmentMonth: 900, problems: ['征地拆迁未完成', '供电线路迁改'] });
    expect(reportFigures(full)).toMatchSnapshot();
    expect(reportFigures(blankReport())).toMatchSnapshot();
  });

  it('refuses a report with one error and with several', () => {
    const progress = { key: 'progressPercent' as const, field: '形象进度', message: '未找到进度百分比', got: '主体施工', example: '38%' };
    const date = { key: 'date' as const, field: '日期', message: '日期看不懂', got: '', example: '今天' };
    expect(invalidReply([progress])).toMatchSnapshot();
    expect(invalidReply([progress, date])).toMatchSnapshot();
  });

  it('fills the template', () => {
    expect(reportTemplate('精细化工中间体项目')).toMatchSnapshot();
  });
});
