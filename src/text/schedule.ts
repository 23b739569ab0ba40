import { shanghaiIso } from '../time/clock';

export const SCHEDULE_COMMAND = { usage: '#日程', help: '查看各项日程的时间和下次运行时间' } as const;
export const PAUSE_COMMAND = { usage: '#暂停 日程名', help: '暂停一项日程，如 #暂停 日晒榜' } as const;
export const RESUME_COMMAND = { usage: '#恢复 日程名', help: '恢复暂停的日程' } as const;

/** A bot run without a scheduler (some tools) has no schedule to show or change. */
export const SCHEDULE_OFF = '日程功能未启用。';

/** #暂停 or #恢复 without a job's name. */
export function nameTheJob(pause: boolean): string {
  return `请写明日程名称，例如：#${pause ? '暂停' : '恢复'} 日晒榜`;
}

/** A job's line in #日程. */
export interface JobSchedule {
  label: string;
  /** Its time as admins write it (describeCron). */
  when: string;
  workdaysOnly: boolean;
  paused: boolean;
  /** Null when it does not run within the scheduler's lookahead. */
  next: Date | null;
  /** The holiday calendar lacks the year of its next run, so workdays are guessed as Monday to Friday. */
  uncovered: boolean;
}

/** #日程: every job, when it runs and when next. */
export function scheduleText(jobs: readonly JobSchedule[], lookaheadDays: number): string {
  const lines = jobs.map((j) => {
    const when = `${j.when}${j.workdaysOnly ? '（工作日）' : ''}`;
    const next = j.paused ? '已暂停' : j.next ? `下次 ${shanghaiIso(j.next).slice(5, 16).replace('T', ' ')}` : `${lookaheadDays} 天内不运行`;
    return `· ${j.label}：${when}，${next}${j.uncovered ? '（该年节假日未覆盖，按周一至周五计）' : ''}`;
  });
  return ['日程：', ...lines].join('\n');
}

/** A time each cadence reads, for the answer to one that does not. */
const TIME_EXAMPLE: Record<'daily' | 'weekly' | 'monthly', string> = { daily: '16:30', weekly: '周一 9:00', monthly: '1日 9:00' };

export function unknownJobToSet(label: string, labels: readonly string[]): string {
  return `没有「${label}」这项日程。可设置：${labels.join('、')}`;
}

export function unknownJobToToggle(label: string, labels: readonly string[]): string {
  return `没有「${label}」这项日程。可选：${labels.join('、')}`;
}

export function badJobTime(time: string, label: string, cadence: keyof typeof TIME_EXAMPLE): string {
  return `时间「${time}」格式不对，例如 #设置 ${label} ${TIME_EXAMPLE[cadence]}`;
}

/** `from`, `to`: as admins write times (describeCron). */
export function jobTimeChanged(label: string, from: string, to: string): string {
  return `已将${label}时间由 ${from} 改为 ${to}，即时生效。`;
}

/** Paused or running, as the answers and the change log say it. */
export function pausedWord(paused: boolean): string {
  return paused ? '暂停' : '启用';
}

export function alreadyPaused(label: string, paused: boolean): string {
  return `${label}已经是${pausedWord(paused)}状态。`;
}

export function jobPaused(label: string, paused: boolean): string {
  return `已${paused ? '暂停' : '恢复'}${label}。`;
}
