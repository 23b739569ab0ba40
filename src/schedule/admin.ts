import { LOOKAHEAD_DAYS, type Scheduler } from './scheduler';
import type { ScheduleStore } from '../store/schedule';
import { JOBS, jobByLabel } from './jobs';
import type { Cadence } from '../jobs/job';
import { WEEKDAY_NAMES } from '../time/clock';
import {
  alreadyPaused,
  badJobTime,
  jobPaused,
  jobTimeChanged,
  pausedWord,
  scheduleText,
  unknownJobToSet,
  unknownJobToToggle,
} from '../text/schedule';

export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

const TIME = /([01]?\d|2[0-3])[:：]([0-5]\d)$/;
const WEEKDAY = /^(?:周|星期|礼拜)([一二三四五六日天])\s*/;
const MONTHDAY = /^(?:每月)?(\d{1,2})[日号]\s*/;

/**
 * The cron expression for what an admin types: `16:30` for a daily job, `周一 9:00` for a weekly one,
 * `1日 9:00` for a monthly one (days 1–28, so every month has it). Null when it does not read.
 */
export function cronFor(cadence: Cadence, text: string): string | null {
  const t = text.trim();
  const time = TIME.exec(t);
  if (!time) return null;
  const [h, m] = [Number(time[1]), Number(time[2])];
  const head = t.slice(0, time.index).trim();
  if (cadence === 'daily') return head ? null : `${m} ${h} * * *`;
  if (cadence === 'weekly') {
    const d = WEEKDAY.exec(head);
    return d && d[0].trim() === head ? `${m} ${h} * * ${WEEKDAY_NAMES.indexOf(d[1] === '天' ? '日' : d[1]!)}` : null;
  }
  const d = MONTHDAY.exec(head);
  const day = d ? Number(d[1]) : 0;
  return d && d[0].trim() === head && day >= 1 && day <= 28 ? `${m} ${h} ${day} * *` : null;
}

/** How an admin reads a cron expression we wrote: `16:30`, `周一 09:00`, `每月1日 09:00`, else the raw expression. */
export function describeCron(cron: string): string {
  const m = /^(\d+) (\d+) (\*|\d+) \* (\*|\d)$/.exec(cron);
  if (!m) return cron;
  const time = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  if (m[3] !== '*' && m[4] === '*') return `每月${m[3]}日 ${time}`;
  if (m[3] === '*' && m[4] !== '*') return `周${WEEKDAY_NAMES[Number(m[4])]} ${time}`;
  return m[3] === '*' ? time : cron;
}

/** Schedule changes by admins, shared by the chat commands and the CLI; every change is recorded. */
export class ScheduleAdmin {
  constructor(
    private scheduler: Scheduler,
    private store: ScheduleStore,
  ) {}

  list(now: Date, isCovered: (year: number) => boolean): string {
    const jobs = JOBS.map((job) => {
      const st = this.scheduler.state(job.name);
      const next = this.scheduler.nextRun(job.name, now);
      const uncovered = !!next && job.workdaysOnly && !isCovered(next.getUTCFullYear());
      return { label: job.label, when: describeCron(st.cron), workdaysOnly: job.workdaysOnly, paused: st.paused, next, uncovered };
    });
    return scheduleText(jobs, LOOKAHEAD_DAYS);
  }

  setTime(label: string, time: string, by: string, now: Date): AdminResult {
    const job = jobByLabel(label);
    if (!job) return { ok: false, message: unknownJobToSet(label, JOBS.map((j) => j.label)) };
    const cron = cronFor(job.cadence, time);
    if (!cron) return { ok: false, message: badJobTime(time, job.label, job.cadence) };
    const before = this.scheduler.state(job.name);
    this.store.change(job.name, { cron, paused: before.paused }, { from: describeCron(before.cron), to: describeCron(cron), by }, now);
    this.scheduler.reload(job.name);
    return { ok: true, message: jobTimeChanged(job.label, describeCron(before.cron), describeCron(cron)) };
  }

  setPaused(label: string, paused: boolean, by: string, now: Date): AdminResult {
    const job = jobByLabel(label);
    if (!job) return { ok: false, message: unknownJobToToggle(label, JOBS.map((j) => j.label)) };
    const before = this.scheduler.state(job.name);
    if (before.paused === paused) return { ok: true, message: alreadyPaused(job.label, paused) };
    this.store.change(job.name, { cron: before.cron, paused }, { from: pausedWord(before.paused), to: pausedWord(paused), by }, now);
    this.scheduler.reload(job.name);
    return { ok: true, message: jobPaused(job.label, paused) };
  }
}
