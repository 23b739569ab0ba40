import { ratesOf, tallyComments, type DayComment } from '../../src/core/stats/comment-rate';

const comment = (date: string, personId: number, delayHours: number): DayComment => ({ date, personId, delayHours });

describe('comment tallies and rates', () => {
  it('counts commented reported project-days per leader and the mean delay to the first comment', () => {
    const tallies = [
      ...tallyComments({
        reported: 2,
        leaderIds: [7],
        // The next morning's comment is listed first: the first comment is the earlier one.
        comments: [comment('2026-11-23', 7, 22), comment('2026-11-23', 7, 11)],
      }),
      ...tallyComments({
        reported: 1,
        leaderIds: [7, 8],
        comments: [
          comment('2026-11-24', 8, 1.5),
          comment('2026-11-24', 7, 3),
          // Not one of its leaders.
          comment('2026-11-24', 9, 0.2),
        ],
      }),
    ];
    expect(tallies).toEqual([
      { leaderId: 7, due: 2, commented: 1, delays: [11] },
      { leaderId: 7, due: 1, commented: 1, delays: [3] },
      { leaderId: 8, due: 1, commented: 1, delays: [1.5] },
    ]);
    expect(ratesOf(tallies)).toEqual([
      { leaderId: 7, due: 3, commented: 2, rate: 2 / 3, averageDelayHours: 7 },
      { leaderId: 8, due: 1, commented: 1, rate: 1, averageDelayHours: 1.5 },
    ]);
  });

  it("keeps each day's least delay, whatever comes between a leader's comments of the day", () => {
    const comments = [comment('2026-11-23', 7, 5), comment('2026-11-23', 8, 1), comment('2026-11-23', 7, 2), comment('2026-11-24', 7, 1), comment('2026-11-24', 7, 4)];
    expect(tallyComments({ reported: 2, leaderIds: [7], comments })).toEqual([{ leaderId: 7, due: 2, commented: 2, delays: [2, 1] }]);
  });

  it('has nothing due without reported days', () => {
    expect(tallyComments({ reported: 0, leaderIds: [7], comments: [] })).toEqual([]);
    expect(ratesOf([])).toEqual([]);
  });
});
