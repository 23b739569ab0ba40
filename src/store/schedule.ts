import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

export interface ScheduleOverride {
  job: string;
  cron: string;
  paused: boolean;
}

export type RunStatus = 'running' | 'done' | 'failed' | 'missed';

/** Schedules, their change log, and the record of every job slot that came due. */
export class ScheduleStore {
  private getOne;
  private upsert;
  private logChange;
  private claimRun;
  private finishRun;
  private runOf;
  private unfinished;
  private readState;
  private writeState;
  private lastRunOf;
  private version;

  constructor(private db: Db) {
    this.getOne = db.prepare<[string], { job: string; cron: string; paused: number }>('SELECT job, cron, paused FROM schedules WHERE job = ?');
    this.upsert = db.prepare<[string, string, number, string, string]>(
      `INSERT INTO schedules (job, cron, paused, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (job) DO UPDATE SET cron = excluded.cron, paused = excluded.paused,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    this.logChange = db.prepare<[string, string | null, string, string, string]>(
      'INSERT INTO setting_changes (subject, old_value, new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.claimRun = db.prepare<[string, string, string, number, string]>(
      'INSERT OR IGNORE INTO job_runs (job, slot, status, late, started_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.finishRun = db.prepare<[string, string | null, string, string, string]>(
      'UPDATE job_runs SET status = ?, error = ?, finished_at = ? WHERE job = ? AND slot = ?',
    );
    this.runOf = db.prepare<[string, string], { status: RunStatus; late: number }>('SELECT status, late FROM job_runs WHERE job = ? AND slot = ?');
    this.unfinished = db.prepare<[], { job: string; slot: string; late: number }>("SELECT job, slot, late FROM job_runs WHERE status = 'running' ORDER BY slot");
    this.readState = db.prepare<[string], string>('SELECT value FROM scheduler_state WHERE key = ?').pluck();
    this.writeState = db.prepare<[string, string]>(
      'INSERT INTO scheduler_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.version = db.prepare<[], number>("SELECT IFNULL(MAX(id), 0) FROM setting_changes").pluck();
    this.lastRunOf = db.prepare<[string], { slot: string; status: RunStatus; late: number }>(
      'SELECT slot, status, late FROM job_runs WHERE job = ? ORDER BY slot DESC LIMIT 1',
    );
  }

  /** Changes whenever any schedule changes, from this process or another. */
  schedulesVersion(): string {
    return String(this.version.get());
  }

  override(job: string): ScheduleOverride | undefined {
    const row = this.getOne.get(job);
    return row && { job: row.job, cron: row.cron, paused: row.paused === 1 };
  }

  /** Changes a job's schedule and records who changed it, old → new, in one transaction. */
  change(job: string, next: { cron: string; paused: boolean }, change: { from: string; to: string; by: string }, now: Date): void {
    this.db.transaction(() => {
      this.upsert.run(job, next.cron, next.paused ? 1 : 0, change.by, shanghaiIso(now));
      this.logChange.run(job, change.from, change.to, change.by, shanghaiIso(now));
    })();
  }

  /** Records a slot as started; false when it was recorded before (so it never runs twice). */
  claim(job: string, slot: string, status: 'running' | 'missed', late: boolean, now: Date): boolean {
    return this.claimRun.run(job, slot, status, late ? 1 : 0, shanghaiIso(now)).changes > 0;
  }

  finish(job: string, slot: string, status: 'done' | 'failed', error: string | null, now: Date): void {
    this.finishRun.run(status, error, shanghaiIso(now), job, slot);
  }

  run(job: string, slot: string): { status: RunStatus; late: boolean } | undefined {
    const r = this.runOf.get(job, slot);
    return r && { status: r.status, late: r.late === 1 };
  }

  lastRun(job: string): { slot: string; status: RunStatus; late: boolean } | undefined {
    const r = this.lastRunOf.get(job);
    return r && { slot: r.slot, status: r.status, late: r.late === 1 };
  }

  /** Slots a crash interrupted; their jobs are idempotent, so they are finished on restart. */
  interrupted(): { job: string; slot: string; late: boolean }[] {
    return this.unfinished.all().map((r) => ({ job: r.job, slot: r.slot, late: r.late === 1 }));
  }

  state(key: string): string | undefined {
    return this.readState.get(key);
  }

  setState(key: string, value: string): void {
    this.writeState.run(key, value);
  }
}
