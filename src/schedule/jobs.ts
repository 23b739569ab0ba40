/** The jobs Rishai runs on its own, with their defaults. Times are Asia/Shanghai. */
export type JobName = 'warnings' | 'problems' | 'reminder' | 'lastCall' | 'dailyBoard' | 'commentPrompt';

export interface JobDef {
  name: JobName;
  /** What admins call it in chat (#设置 提醒 16:30, #暂停 日晒榜). */
  label: string;
  cron: string;
  /** Runs only on mainland China workdays (调休 weekends included, holidays excluded). */
  workdaysOnly: boolean;
  /**
   * What happens to a slot that fell due while the bot was down: a reminder is pointless later
   * and is skipped; a publication is still wanted and is sent late, marked as late.
   */
  missed: 'skip' | 'late';
}

export const JOBS: readonly JobDef[] = [
  { name: 'warnings', label: '预警', cron: '0 9 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'problems', label: '问题督办', cron: '0 9 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'reminder', label: '提醒', cron: '0 16 * * *', workdaysOnly: true, missed: 'skip' },
  { name: 'lastCall', label: '催报', cron: '30 17 * * *', workdaysOnly: true, missed: 'skip' },
  { name: 'dailyBoard', label: '日晒榜', cron: '0 20 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'commentPrompt', label: '点评提醒', cron: '30 20 * * *', workdaysOnly: true, missed: 'skip' },
];

export function jobByLabel(label: string): JobDef | undefined {
  return JOBS.find((j) => j.label === label || j.name === label);
}
