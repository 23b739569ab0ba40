import type { Scheduler } from './scheduler';
import type { ScheduleStore } from '../store/schedule';
import { JOBS, jobByLabel } from './jobs';
import { shanghaiIso } from '../time/clock';

export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** `16:30` → `30 16 * * *`; anything else is refused with the form it wants. */
export function dailyCron(time: string): string | null {
  const m = TIME.exec(time.trim());
  return m ? `${Number(m[2])} ${Number(m[1])} * * *` : null;
}

/** How an admin reads a cron expression we wrote: `每天 16:30`, or the raw expression otherwise. */
export function describeCron(cron: string): string {
  const m = /^(\d+) (\d+) \* \* \*$/.exec(cron);
  return m ? `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}` : cron;
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
    const cron = dailyCron(time);
    if (!cron) return { ok: false, message: `时间「${time}」格式不对，应为 时:分，例如 #设置 ${job.label} 16:30` };
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
