import type { Stores } from '../store/stores';
import type { WarningThresholds } from '../core/rules/warnings';
import type { HonourRules } from '../core/stats/honours';

export type Cadence = 'daily' | 'weekly' | 'monthly';

/** A job Rishai runs on its own, with its defaults. Times are Asia/Shanghai. */
export interface JobDef {
  name: string;
  /** What admins call it in chat (#设置 提醒 16:30, #暂停 日晒榜). */
  label: string;
  /** How admins set its time: `16:30`, `周一 9:00` or `1日 9:00`. */
  cadence: Cadence;
  cron: string;
  /** Runs only on mainland China workdays (调休 weekends included, holidays excluded). */
  workdaysOnly: boolean;
  /**
   * What happens to a slot that fell due while the bot was down: a reminder is pointless later
   * and is skipped; a publication is still wanted and is sent late, marked as late.
   */
  missed: 'skip' | 'late';
}

export interface Slot {
  job: JobDef;
  /** When the slot fell due. */
  at: Date;
  /** `shanghaiIso(at)`: the slot's key in job_runs and in outbox keys. */
  key: string;
  /** The Shanghai calendar date of the slot. */
  date: string;
  late: boolean;
  now: Date;
  /** The end of the slot's day (Shanghai): when messages about "today" stop making sense. */
  endOfDay: Date;
}

export type JobRunner = (slot: Slot) => void | Promise<void>;

/** What every job's runner is made from; each job's factory names the part it uses. */
export interface JobDeps {
  stores: Stores;
  isWorkday: (date: string) => boolean;
  /** Read at each run, so admins' changes apply from the next one. */
  thresholds: () => WarningThresholds;
  /** The rules of 表扬 and 通报批评 admins configured. */
  honourRules: () => HonourRules;
  /** Where bulletin images and workbooks are written before they are sent (kept as the office's archive). */
  bulletinDir: string;
  commentPrompt: {
    /** Prompt leaders by private message instead of @-mentioning them in the project group. */
    privately: boolean;
    /** A leader whose projects' reports go uncommented this many workdays running gets one gentle note. */
    nudgeAfterWorkdays: number;
  };
  /** Where the nightly backups go, and how many are kept (0: all). */
  backup: { dir: string; keep: number };
}

/** A job's definition and the factory of its runner, which each job module exports. */
export interface Job extends JobDef {
  create(deps: JobDeps): JobRunner;
}
