export const SCHEDULE_COMMAND = { usage: '#日程', help: '查看各项日程的时间和下次运行时间' } as const;
export const PAUSE_COMMAND = { usage: '#暂停 日程名', help: '暂停一项日程，如 #暂停 日晒榜' } as const;
export const RESUME_COMMAND = { usage: '#恢复 日程名', help: '恢复暂停的日程' } as const;

/** A bot run without a scheduler (some tools) has no schedule to show or change. */
export const SCHEDULE_OFF = '日程功能未启用。';

/** #暂停 or #恢复 without a job's name. */
export function nameTheJob(pause: boolean): string {
  return `请写明日程名称，例如：#${pause ? '暂停' : '恢复'} 日晒榜`;
}
