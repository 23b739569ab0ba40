import { progressCommandText, progressText } from '../../src/text/progress';
import { UNREPORTED_COMMAND, unreportedText } from '../../src/text/unreported';
import { blankReport } from '../support/report';

describe('#进度 and #未报 texts', () => {
  it('describes #进度 and #未报', () => {
    expect(progressCommandText(7)).toMatchSnapshot();
    expect(UNREPORTED_COMMAND).toMatchSnapshot();
  });

  it('shows a full report with its trend, a stopped project without one, and one never reported', () => {
    const latest = blankReport({ progressPercent: 38, workers: 64, todayWork: '二层顶板浇筑', problems: ['征地拆迁未完成', '供电线路迁改'] });
    const text = progressText(
      [
        { project: '精细化工中间体项目', stopped: null, latest, trend: [30, 34.5, 38] },
        { project: '港口物流仓储中心', stopped: '环保管控', latest: blankReport(), trend: [] },
        { project: '汽车零部件智能制造项目', stopped: '冬季停工', latest: null, trend: [] },
      ],
      7,
    );
    expect(text).toMatchSnapshot();
  });

  it('lists the projects not reported, none, and those stopped', () => {
    expect(unreportedText('2026-11-24', ['精细化工中间体项目', '港口物流仓储中心'], [])).toMatchSnapshot();
    expect(unreportedText('2026-11-24', ['精细化工中间体项目'], ['港口物流仓储中心'])).toMatchSnapshot();
    expect(unreportedText('2026-11-24', [], [])).toMatchSnapshot();
  });
});
