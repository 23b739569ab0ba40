import { missingStreak, plannedPercent, projectWarnings, type ProjectFacts } from '../../src/core/rules/warnings';

const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
const isWorkday = (d: string) => {
  if (HOLIDAYS.has(d)) return false;
  if (d === '2026-10-10') return true;
  const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

const base: ProjectFacts = {
  id: 1,
  name: '精细化工中间体项目',
  status: '在建',
  plannedStart: '2026-01-01',
  plannedFinish: '2026-12-31',
  registered: true,
  trackedSince: '2026-09-01',
  reportedDates: new Set(),
  firstReported: null,
  progress: [],
  isStopped: () => false,
};

describe('warning rules', () => {
  it('counts consecutive missed workdays before today, skipping weekends, holidays and stoppages', () => {
    const p = { ...base, reportedDates: new Set(['2026-11-19']) };
    // Fri 20, Mon 23, Tue 24 missed; today Wed 25 is not over yet.
    expect(missingStreak(p, '2026-11-25', isWorkday)).toBe(3);
    expect(missingStreak({ ...p, isStopped: (d) => d === '2026-11-23' }, '2026-11-25', isWorkday)).toBe(2);
    // Across the National Day holiday only the workdays count: Sep 30, Oct 8, 9.
    expect(missingStreak({ ...base, reportedDates: new Set(['2026-09-29']) }, '2026-10-10', isWorkday)).toBe(3);
    // Days before the bot began chasing the project do not count, nor does a project no group carries.
    expect(missingStreak({ ...p, trackedSince: '2026-11-24' }, '2026-11-25', isWorkday)).toBe(1);
    expect(missingStreak({ ...p, trackedSince: null }, '2026-11-25', isWorkday)).toBe(0);
    // Older reported days the caller holds apart end the streak as well.
    expect(missingStreak({ ...base, reportedDates: new Set(), reportedEarlier: (d) => d === '2026-11-19' }, '2026-11-25', isWorkday)).toBe(3);
  });

  it('turns yellow at 2 and red at 3 missed workdays', () => {
    const at = (today: string) => projectWarnings({ ...base, reportedDates: new Set(['2026-11-20']) }, today, isWorkday).filter((w) => w.kind === 'missing');
    expect(at('2026-11-24')).toEqual([]);
    expect(at('2026-11-25')).toEqual([{ projectId: 1, kind: 'missing', level: 'yellow', text: '精细化工中间体项目 已连续 2 个工作日未报日报' }]);
    expect(at('2026-11-26')[0]?.level).toBe('red');
  });

  it('computes the time-proportional plan and the lag behind it', () => {
    expect(plannedPercent('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(50, 0);
    expect(plannedPercent('2026-01-01', '2026-12-31', '2027-03-01')).toBe(100);
    const p = { ...base, reportedDates: new Set(['2026-11-24']), progress: [{ date: '2026-11-24', percent: 60 }] };
    const [behind] = projectWarnings(p, '2026-11-25', isWorkday).filter((w) => w.kind === 'behindPlan');
    expect(behind).toMatchObject({ level: 'red' });
    // 328 of 364 days have passed: 90.1% planned against 60% reported.
    expect(behind!.text).toBe('精细化工中间体项目 形象进度 60%，序时进度 90.1%，落后 30.1 个百分点');
  });

  it('forecasts a crossing into the next colour within the month from the recent pace', () => {
    // 8 points behind on Nov 10, losing ground at the recent pace: yellow before the month is out.
    const p = {
      ...base,
      plannedStart: '2026-06-01',
      plannedFinish: '2027-05-31',
      reportedDates: new Set(['2026-11-09']),
      progress: [
        { date: '2026-10-27', percent: 36 },
        { date: '2026-11-09', percent: 36.5 },
      ],
    };
    const w = projectWarnings(p, '2026-11-10', isWorkday).filter((x) => x.kind === 'forecast' || x.kind === 'behindPlan');
    expect(w).toHaveLength(1);
    expect(w[0]!.kind).toBe('forecast');
    expect(w[0]!.text).toContain('按近期进度，月底将落后');
    expect(w[0]!.text).toContain('（黄色）');
  });

  it('flags a late start and a project not entered in the statistics system', () => {
    const late = projectWarnings({ ...base, status: '未开工', plannedStart: '2026-11-01' }, '2026-11-25', isWorkday).find((w) => w.kind === 'notStarted');
    expect(late?.text).toBe('精细化工中间体项目 计划 2026-11-01 开工，至今未开工，已逾期 24 天');
    const unreg = (today: string) =>
      projectWarnings({ ...base, plannedStart: '2026-09-01', registered: false, reportedDates: new Set([today]) }, today, isWorkday).find((w) => w.kind === 'unregistered');
    expect(unreg('2026-09-20')).toBeUndefined();
    expect(unreg('2026-10-05')?.level).toBe('yellow');
    expect(unreg('2026-11-05')?.level).toBe('red');
    // Without a planned start, an 在建 project started with its first report, however far back the dates given go.
    const first = projectWarnings({ ...base, plannedStart: null, registered: false, firstReported: '2026-08-03', reportedDates: new Set(['2026-11-24']) }, '2026-11-25', isWorkday);
    expect(first.find((w) => w.kind === 'unregistered')?.text).toBe('精细化工中间体项目 开工 114 天仍未入库（入统）');
  });

  it('says nothing about a finished, suspended or stopped project', () => {
    for (const status of ['已竣工', '停缓建']) expect(projectWarnings({ ...base, status }, '2026-11-25', isWorkday)).toEqual([]);
    expect(projectWarnings({ ...base, isStopped: () => true }, '2026-11-25', isWorkday)).toEqual([]);
  });
});
