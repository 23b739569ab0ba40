import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../src/store/db';
import { ScheduleStore } from '../../src/store/schedule';
import { Scheduler } from '../../src/schedule/scheduler';
import type { Slot } from '../../src/jobs/job';
import { ManualClock } from '../../src/time/clock';
import { silentLogger } from '../../src/log/log';
import type { JobName } from '../../src/schedule/jobs';

const MIN = 60_000;
// A holiday week and an adjusted working Sunday, as the State Council notice would set them.
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
const ADJUSTED_WORKDAYS = new Set(['2026-09-27', '2026-10-10']);
function isWorkday(date: string): boolean {
  if (HOLIDAYS.has(date)) return false;
  if (ADJUSTED_WORKDAYS.has(date)) return true;
  const dow = new Date(`${date}T12:00:00+08:00`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

describe('Scheduler in virtual time', () => {
  let dir: string;
  let db: Db;
  let clock: ManualClock;
  let fired: { job: string; key: string; late: boolean }[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-sched-'));
    db = openDb(path.join(dir, 'r.db'));
    fired = [];
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const record = (s: Slot) => void fired.push({ job: s.job.name, key: s.key, late: s.late });
  const scheduler = (runners: Partial<Record<JobName, (s: Slot) => void>> = {}) =>
    new Scheduler(new ScheduleStore(db), isWorkday, clock, silentLogger, {
      reminder: record,
      lastCall: record,
      dailyBoard: record,
      ...runners,
    });
  async function runUntil(s: Scheduler, until: string, stepMs = MIN) {
    const end = new Date(until).getTime();
    while (clock.now().getTime() < end) {
      clock.advance(stepMs);
      await s.tick();
    }
  }

  it('runs a job at once on request without taking its scheduled slot', async () => {
    clock = new ManualClock('2026-11-24T10:15:30+08:00');
    const s = scheduler();
    await s.runNow('dailyBoard');
    clock.advance(10_000);
    await s.runNow('dailyBoard');
    expect(fired).toEqual([
      { job: 'dailyBoard', key: '2026-11-24T10:15:30+08:00', late: false },
      { job: 'dailyBoard', key: '2026-11-24T10:15:40+08:00', late: false },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM job_runs').pluck().get()).toBe(0);
    await runUntil(s, '2026-11-24T20:00:00+08:00');
    expect(fired.map((f) => f.key)).toContain('2026-11-24T20:00:00+08:00');
  });

  it('runs each workday job once at its time, skipping holidays and running on an adjusted Sunday', async () => {
    clock = new ManualClock('2026-09-26T08:00:00+08:00'); // a Saturday
    const s = scheduler();
    await s.tick();
    await runUntil(s, '2026-10-11T00:00:00+08:00', 3 * MIN); // uneven steps: slots are found between ticks
    const reminders = fired.filter((f) => f.job === 'reminder').map((f) => f.key.slice(0, 10));
    expect(reminders).toEqual(['2026-09-27', '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(fired.filter((f) => f.job === 'reminder')[0]!.key).toBe('2026-09-27T16:00:00+08:00');
    expect(fired.every((f) => !f.late)).toBe(true);
    expect(fired).toHaveLength(21);
    s.stop();
  });

  it('never runs a slot twice, however often it ticks', async () => {
    clock = new ManualClock('2026-11-24T15:59:00+08:00');
    const s = scheduler();
    await s.tick();
    clock.set('2026-11-24T16:00:10+08:00');
    await Promise.all([s.tick(), s.tick(), s.tick()]);
    expect(fired).toEqual([{ job: 'reminder', key: '2026-11-24T16:00:00+08:00', late: false }]);
    s.stop();
  });

  it('after a crash, skips a missed reminder and sends a missed board late, exactly once', async () => {
    clock = new ManualClock('2026-11-24T15:00:00+08:00');
    const first = scheduler();
    await first.tick();
    await runUntil(first, '2026-11-24T16:05:00+08:00');
    first.stop(); // crash: down from 16:05 to 20:30

    clock.set('2026-11-24T20:30:00+08:00');
    const second = scheduler();
    await second.tick();
    await second.tick();
    expect(fired).toEqual([
      { job: 'reminder', key: '2026-11-24T16:00:00+08:00', late: false },
      { job: 'dailyBoard', key: '2026-11-24T20:00:00+08:00', late: true },
    ]);
    expect(new ScheduleStore(db).run('lastCall', '2026-11-24T17:30:00+08:00')).toEqual({ status: 'missed', late: true });
    second.stop();
  });

  it('finishes a slot a crash interrupted, without starting it anew', async () => {
    clock = new ManualClock('2026-11-24T15:59:00+08:00');
    const crashing = scheduler({
      reminder: () => {
        throw new Error('power cut');
      },
    });
    await crashing.tick();
    clock.set('2026-11-24T16:00:00+08:00');
    await crashing.tick();
    // Simulate dying mid-job: the slot is claimed but never finished.
    new ScheduleStore(db).claim('lastCall', '2026-11-24T17:30:00+08:00', 'running', false, clock.now());
    crashing.stop();

    clock.set('2026-11-24T17:31:00+08:00');
    const restarted = scheduler();
    await restarted.resumeInterrupted();
    await restarted.tick();
    expect(fired).toEqual([{ job: 'lastCall', key: '2026-11-24T17:30:00+08:00', late: false }]);
    expect(new ScheduleStore(db).run('reminder', '2026-11-24T16:00:00+08:00')?.status).toBe('failed');
    restarted.stop();
  });

  it('does not run a job twice in a day when its time is moved after it ran', async () => {
    clock = new ManualClock('2026-11-24T15:59:00+08:00');
    const store = new ScheduleStore(db);
    const s = scheduler();
    await s.tick();
    await runUntil(s, '2026-11-24T16:10:00+08:00');
    store.change('reminder', { cron: '30 16 * * *', paused: false }, { from: '16:00', to: '16:30', by: '李主任' }, clock.now());
    s.reload('reminder');
    await runUntil(s, '2026-11-25T17:00:00+08:00');
    expect(fired.filter((f) => f.job === 'reminder').map((f) => f.key)).toEqual(['2026-11-24T16:00:00+08:00', '2026-11-25T16:30:00+08:00']);
    s.stop();
  });

  it('honours a changed time and a pause at once, and says when each job runs next', async () => {
    clock = new ManualClock('2026-11-24T10:00:00+08:00');
    const store = new ScheduleStore(db);
    const s = scheduler();
    expect(s.nextRun('reminder')?.toISOString()).toBe(new Date('2026-11-24T16:00:00+08:00').toISOString());
    store.change('reminder', { cron: '30 16 * * *', paused: false }, { from: '16:00', to: '16:30', by: '李主任' }, clock.now());
    store.change('dailyBoard', { cron: '0 20 * * *', paused: true }, { from: '启用', to: '暂停', by: '李主任' }, clock.now());
    s.reload('reminder');
    s.reload('dailyBoard');
    expect(s.nextRun('reminder')?.toISOString()).toBe(new Date('2026-11-24T16:30:00+08:00').toISOString());
    expect(s.nextRun('dailyBoard')).toBeNull();
    await s.tick();
    await runUntil(s, '2026-11-24T21:00:00+08:00');
    expect(fired.map((f) => f.key)).toEqual(['2026-11-24T16:30:00+08:00', '2026-11-24T17:30:00+08:00']);
    s.stop();
  });
});
