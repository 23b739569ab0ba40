import { openDb, type Db } from '../../src/store/db';
import { createStores, type Stores } from '../../src/store/stores';
import { computeWarnings } from '../../src/jobs/warnings';
import { WorkCalendar } from '../../src/core/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/core/rules/warnings';
import { blankReport } from '../support/report';

describe('computeWarnings', () => {
  let db: Db;
  let s: Stores;
  const calendar = new WorkCalendar();

  beforeEach(() => {
    db = openDb(':memory:');
    s = createStores(db);
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'm', 'text', 'x', 'x')").run();
  });
  afterEach(() => db.close());

  it('counts an 在建 project without a planned start as started with its first report, however long ago', () => {
    const base = { aliases: [], category: null, chain: null, town: null, unit: null, leader: null, liaison: null, totalInvestment: null, annualPlan: null, plannedStart: null, plannedFinish: null };
    s.projects.upsert([{ ...base, name: '甲项目', status: '在建', registered: false }], new Date('2026-01-01T09:00:00+08:00'));
    const [p] = s.projects.list();
    const save = (date: string) =>
      s.reports.save({ projectId: p!.id, report: blankReport({ project: '甲项目', date }), messageId: 1, personId: null, flags: [], now: new Date(`${date}T09:00:00+08:00`) });
    // First reported on 3 August, then not again until the last days: far past the 60 days the job reads.
    save('2026-08-03');
    save('2026-11-23');
    save('2026-11-24');
    const unregistered = computeWarnings(s, '2026-11-25', calendar.isWorkday, DEFAULT_THRESHOLDS).filter((w) => w.kind === 'unregistered');
    expect(unregistered).toEqual([{ projectId: p!.id, kind: 'unregistered', level: 'red', text: '甲项目 开工 114 天仍未入库（入统）' }]);
    expect(s.reports.firstReportDates()).toEqual(new Map([[p!.id, '2026-08-03']]));
  });
});
