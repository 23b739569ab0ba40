import { commentRates } from '../../src/bulletin/comment-rate';

describe('commentRates', () => {
  it('counts commented reported project-days per leader and the mean delay to the first comment', () => {
    const rates = commentRates([
      { projectId: 1, date: '2026-11-23', leaderIds: [7], comments: [{ personId: 7, at: '2026-11-23T21:00:00+08:00', reportedAt: '2026-11-23T10:00:00+08:00' }, { personId: 7, at: '2026-11-24T08:00:00+08:00', reportedAt: '2026-11-23T10:00:00+08:00' }] },
      { projectId: 1, date: '2026-11-24', leaderIds: [7], comments: [] },
      { projectId: 2, date: '2026-11-24', leaderIds: [7, 8], comments: [{ personId: 8, at: '2026-11-24T10:30:00+08:00', reportedAt: '2026-11-24T09:00:00+08:00' }, { personId: 7, at: '2026-11-24T12:00:00+08:00', reportedAt: '2026-11-24T09:00:00+08:00' }] },
    ]);
    expect(rates).toEqual([
      { leaderId: 7, due: 3, commented: 2, rate: 2 / 3, averageDelayHours: 7 },
      { leaderId: 8, due: 1, commented: 1, rate: 1, averageDelayHours: 1.5 },
    ]);
  });

  it('has no rate for nothing due', () => {
    expect(commentRates([])).toEqual([]);
  });
});
