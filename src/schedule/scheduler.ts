import cron, { type ScheduledTask } from 'node-cron';
import { type Clock, addDays, shanghaiDate, shanghaiIso } from '../time/clock';
import type { Logger } from '../log/log';
import type { ScheduleStore } from '../store/schedule';
import { JOBS, type JobName, type ScheduledJob } from './jobs';
import type { JobDef, JobRunner, Slot } from '../jobs/job';

export const TIMEZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
/** A slot more than this late (the bot was down) is handled by the job's missed-run policy. */
const LATE_AFTER_MS = 5 * MINUTE;
/** After a long outage, slots further back than this are not looked at at all. */
const CATCH_UP_LIMIT_MS = 35 * 24 * 60 * MINUTE;
const SAVE_TICK_EVERY_MS = 10 * MINUTE;
/** How far nextRun looks for a job's next slot (#日程 says when it finds none). */
export const LOOKAHEAD_DAYS = 40;

function slotOf(job: JobDef, at: Date, late: boolean, now: Date): Slot {
  const date = shanghaiDate(at);
  return { job, at, key: shanghaiIso(at), date, late, now, endOfDay: new Date(`${addDays(date, 1)}T00:00:00+08:00`) };
}

export interface JobState {
  job: ScheduledJob;
  cron: string;
  paused: boolean;
}

interface Compiled extends JobState {
  task: ScheduledTask;
  /** Minutes of the hour the expression allows: a cheap first test before node-cron's full match. */
  minutes: ReadonlySet<number>;
}

const floorMinute = (t: number) => Math.floor(t / MINUTE) * MINUTE;

/** The day, week (its Monday) or month a slot (ISO, +08:00) belongs to, by the job's cadence. */
function periodOf(job: JobDef, slot: string): string {
  const date = slot.slice(0, 10);
  if (job.cadence === 'monthly') return date.slice(0, 7);
  if (job.cadence === 'daily') return date;
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/**
 * Runs jobs at their cron times in Asia/Shanghai. node-cron parses and matches the expressions;
 * time comes from the injected clock, and every slot is recorded in SQLite, so a slot never runs
 * twice and one that came due while the bot was down is handled by an explicit policy.
 */
export class Scheduler {
  private jobs = new Map<JobName, Compiled>();
  private savedTick = 0;
  /** The last minute evaluated by this process (lastTick in the db may lag behind it). */
  private evaluatedTo = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private version = '';

  constructor(
    private store: ScheduleStore,
    private isWorkday: (date: string) => boolean,
    private clock: Clock,
    private log: Logger,
    private runners: Partial<Record<JobName, JobRunner>>,
    /** Told of a run that failed, after it is recorded as failed. */
    private onFailure: (job: ScheduledJob, slot: Slot, error: string) => void = () => undefined,
  ) {
    this.reloadAll();
  }

  private reloadAll(): void {
    this.version = this.store.schedulesVersion();
    for (const job of JOBS) this.reload(job.name);
  }

  state(name: JobName): JobState {
    const { job, cron, paused } = this.jobs.get(name)!;
    return { job, cron, paused };
  }

  /** Re-reads a job's schedule after an admin changed it; takes effect at once. */
  reload(name: JobName): void {
    const job = JOBS.find((j) => j.name === name)!;
    const o = this.store.override(name);
    const expression = o?.cron ?? job.cron;
    this.jobs.get(name)?.task.destroy();
    this.jobs.set(name, {
      job,
      cron: expression,
      paused: o?.paused ?? false,
      task: cron.createTask(expression, () => undefined, { timezone: TIMEZONE, name }),
      minutes: new Set(cron.parse(expression).minute),
    });
  }

  private due(name: JobName, at: Date): boolean {
    const c = this.jobs.get(name)!;
    // Shanghai is a whole number of hours from UTC, so the minute of the hour is the same in both.
    if (c.paused || !c.minutes.has(at.getUTCMinutes()) || !c.task.match(at)) return false;
    return !c.job.workdaysOnly || this.isWorkday(shanghaiDate(at));
  }

  /** The next time a job will run, looking ahead up to LOOKAHEAD_DAYS. */
  nextRun(name: JobName, from: Date = this.clock.now()): Date | null {
    if (this.state(name).paused) return null;
    const end = from.getTime() + LOOKAHEAD_DAYS * 24 * 60 * MINUTE;
    for (let t = floorMinute(from.getTime()) + MINUTE; t <= end; t += MINUTE) {
      if (this.due(name, new Date(t))) return new Date(t);
    }
    return null;
  }

  /** Finishes slots a crash interrupted; jobs only queue idempotent outbox messages, so redoing them sends nothing twice. */
  async resumeInterrupted(): Promise<void> {
    for (const r of this.store.interrupted()) {
      const job = JOBS.find((j) => j.name === r.job);
      if (job) await this.execute(job, new Date(r.slot), r.late);
    }
  }

  /** Runs every slot that fell due since the last tick, up to now. Safe to call at any time. */
  tick(): Promise<void> {
    // A tick that failed must not stop the ones after it: each starts once the last has settled.
    this.ticking = (this.ticking ?? Promise.resolve()).catch(() => undefined).then(() => this.evaluate());
    return this.ticking;
  }

  private async evaluate(): Promise<void> {
    // Picks up changes made by `rishai schedule` in another process.
    if (this.store.schedulesVersion() !== this.version) this.reloadAll();
    const now = this.clock.now();
    const current = floorMinute(now.getTime());
    const saved = Number.isFinite(this.evaluatedTo) ? undefined : this.store.state('lastTick');
    const last = Math.max(saved ? new Date(saved).getTime() : -Infinity, this.evaluatedTo);
    const from = Number.isFinite(last) ? Math.max(last + MINUTE, current - CATCH_UP_LIMIT_MS) : current;
    this.evaluatedTo = current;
    let fired = false;
    for (let t = from; t <= current; t += MINUTE) {
      const at = new Date(t);
      for (const job of JOBS) {
        if (this.due(job.name, at)) {
          await this.fire(job, at, now);
          fired = true;
        }
      }
    }
    // Claimed slots are in job_runs already, so a stale lastTick after a crash only means looking at
    // some minutes again; it is written when something ran and otherwise every few minutes.
    if (fired || current - this.savedTick >= SAVE_TICK_EVERY_MS) {
      this.store.setState('lastTick', shanghaiIso(new Date(current)));
      this.savedTick = current;
    }
  }

  private async fire(job: ScheduledJob, at: Date, now: Date): Promise<void> {
    const late = now.getTime() - at.getTime() > LATE_AFTER_MS;
    const key = shanghaiIso(at);
    // A job runs once per day (week, month): moving its time after it ran does not run it again.
    const last = this.store.lastRun(job.name);
    if (last && last.slot !== key && periodOf(job, last.slot) === periodOf(job, key)) return;
    if (late && job.missed === 'skip') {
      if (this.store.claim(job.name, key, 'missed', true, now)) this.log.info('job.missed', { job: job.name, slot: key });
      return;
    }
    if (!this.store.claim(job.name, key, 'running', late, now)) return;
    await this.execute(job, at, late);
  }

  private async execute(job: ScheduledJob, at: Date, late: boolean): Promise<void> {
    const key = shanghaiIso(at);
    const now = this.clock.now();
    const slot = slotOf(job, at, late, now);
    try {
      await this.runners[job.name]?.(slot);
      this.store.finish(job.name, key, 'done', null, this.clock.now());
      this.log.info('job.done', { job: job.name, slot: key, late });
    } catch (err) {
      // By shape, not instanceof: an error from another realm (a VM context) is no instanceof Error here.
      const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
      this.store.finish(job.name, key, 'failed', message, this.clock.now());
      this.log.error('job.failed', { job: job.name, slot: key, error: err });
      // Telling of a failure may fail too (a full disk, a locked database); the scheduler must go on.
      try {
        this.onFailure(job, slot, message);
      } catch (tellErr) {
        this.log.error('job.failure_not_told', { job: job.name, slot: key, error: tellErr });
      }
    }
  }

  /**
   * Runs a job at once, outside its schedule and its once-per-period record (the sandbox's /run).
   * The slot is the current second, so a second run in the same minute is not taken for the first.
   */
  async runNow(name: JobName): Promise<void> {
    const now = this.clock.now();
    await this.runners[name]?.(slotOf(this.state(name).job, new Date(Math.floor(now.getTime() / 1000) * 1000), false, now));
  }

  /** Ticks at each minute boundary of the real clock (production). */
  start(): void {
    const schedule = () => {
      const now = this.clock.now().getTime();
      this.timer = setTimeout(() => {
        this.tick()
          .catch((err) => this.log.error('scheduler.tick_error', { error: err }))
          .finally(() => this.timer && schedule());
      }, floorMinute(now) + MINUTE - now + 500);
    };
    schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const c of this.jobs.values()) c.task.destroy();
    this.jobs.clear();
  }
}
