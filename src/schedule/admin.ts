import type { Scheduler } from './scheduler';
import type { ScheduleStore } from '../store/schedule';
import { JOBS, jobByLabel } from './jobs';
import type { Cadence } from '../jobs/job';
import { WEEKDAY_NAMES, shanghaiIso } from '../time/clock';

export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

const TIME = /([01]?\d|2[0-3])[:：]([0-5]\d)$/;
const WEEKDAY = /^(?:周|星期|礼拜)([一二三四五六日天])\s*/;
const MONTHDAY = /^(?:每月)?(\d{1,2})[日号]\s*/;
const EXAMPLE: Record<Cadence, string> = { daily: '16:30', weekly: '周一 9:00', monthly: '1日 9:00' };

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
    const lines = JOBS.map((job) => {
      const st = this.scheduler.state(job.name);
      const next = this.scheduler.nextRun(job.name, now);
      const when = `${describeCron(st.cron)}${job.workdaysOnly ? '（工作日）' : ''}`;
      const nextText = st.paused ? '已暂停' : next ? `下次 ${shanghaiIso(next).slice(5, 16).replace('T', ' ')}` : '40 天内不运行';
      const coverage = next && job.workdaysOnly && !isCovered(next.getUTCFullYear()) ? '（该年节假日未覆盖，按周一至周五计）' : '';
      return `· ${job.label}：${when}，${nextText}${coverage}`;
    });
    return ['日程：', ...lines].join('\n');
  }

  setTime(label: string, time: string, by: string, now: Date): AdminResult {
    const job = jobByLabel(label);
    if (!job) return { ok: false, message: `没有「${label}」这项日程。可设置：${JOBS.map((j) => j.label).join('、')}` };
    const cron = cronFor(job.cadence, time);
    if (!cron) return { ok: false, message: `时间「${time}」格式不对，例如 #设置 ${job.label} ${EXAMPLE[job.cadence]}` };
    const before = this.scheduler.state(job.name);
    this.store.change(job.name, { cron, paused: before.paused }, { from: describeCron(before.cron), to: describeCron(cron), by }, now);
    this.scheduler.reload(job.name);
    return { ok: true, message: `已将${job.label}时间由 ${describeCron(before.cron)} 改为 ${describeCron(cron)}，即时生效。` };
  }

  setPaused(label: string, paused: boolean, by: string, now: Date): AdminResult {
    const job = jobByLabel(label);
    if (!job) return { ok: false, message: `没有「${label}」这项日程。可选：${JOBS.map((j) => j.label).join('、')}` };
    const before = this.scheduler.state(job.name);
    if (before.paused === paused) return { ok: true, message: `${job.label}已经是${paused ? '暂停' : '启用'}状态。` };
    const word = (p: boolean) => (p ? '暂停' : '启用');
    this.store.change(job.name, { cron: before.cron, paused }, { from: word(before.paused), to: word(paused), by }, now);
    this.scheduler.reload(job.name);
    return { ok: true, message: `已${paused ? '暂停' : '恢复'}${job.label}。` };
  }
}
