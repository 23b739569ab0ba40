import { openDb, type Db } from '../../src/store/db';
import { ProjectStore } from '../../src/store/projects';
import { ReportStore } from '../../src/store/reports';
import { CommentStore } from '../../src/store/comments';
import { blankReport } from '../support/report';

describe('CommentStore.firstCommentsBetween', () => {
  let db: Db;

  beforeEach(() => {
    db = openDb(':memory:');
    const base = { aliases: [], category: null, chain: null, town: null, unit: null, leader: null, liaison: null, totalInvestment: null, annualPlan: null, plannedStart: null, plannedFinish: null, status: '在建' as const, registered: true };
    new ProjectStore(db).upsert([{ ...base, name: '甲项目' }], new Date('2026-01-01T09:00:00+08:00'));
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'm', 'text', '2026-01-01T09:00:00+08:00', '2026-01-01T09:00:00+08:00')").run();
    db.prepare("INSERT INTO persons (id, name, created_at) VALUES (7, '张三', '2026-01-01T09:00:00+08:00')").run();
  });
  afterEach(() => db.close());

  it("gives each person's first comment of a day, in hours from the day's first report, whichever version it answers", () => {
    const reports = new ReportStore(db);
    const comments = new CommentStore(db);
    const save = (date: string, percent: number, at: string) =>
      reports.save({ projectId: 1, report: blankReport({ project: '甲项目', date, progressPercent: percent }), messageId: 1, personId: null, flags: [], now: new Date(at) });
    const comment = (r: { id: number; date: string }, at: string) =>
      comments.add({ reportId: r.id, projectId: 1, date: r.date, personId: 7, text: '收到', messageId: 1 }, new Date(at));
    save('2026-11-02', 10, '2026-11-02T09:00:00+08:00');
    const revised = save('2026-11-02', 12, '2026-11-02T15:00:00+08:00');
    comment(revised, '2026-11-02T16:20:33+08:00');
    comment(revised, '2026-11-02T16:00:00+08:00');
    // A late report for the 3rd, posted on the 4th.
    comment(save('2026-11-03', 13, '2026-11-04T10:00:00+08:00'), '2026-11-04T11:00:00+08:00');
    comment(save('2026-11-30', 20, '2026-11-30T09:00:00+08:00'), '2026-12-01T09:00:00+08:00');
    expect(comments.firstCommentsBetween('2026-11-01', '2026-11-03')).toEqual([
      { projectId: 1, date: '2026-11-02', personId: 7, delayHours: 7 },
      { projectId: 1, date: '2026-11-03', personId: 7, delayHours: 1 },
    ]);
  });
});
