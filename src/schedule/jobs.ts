/** The jobs Rishai runs on its own, with their defaults. Times are Asia/Shanghai. */
export type JobName =
  | 'warnings'
  | 'problems'
  | 'reminder'
  | 'lastCall'
  | 'dailyBoard'
  | 'commentPrompt'
  | 'weeklyDispatch'
  | 'leaderDigest'
  | 'monthlyBulletin';
export type Cadence = 'daily' | 'weekly' | 'monthly';

export interface JobDef {
  name: JobName;
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

export const JOBS: readonly JobDef[] = [
  { name: 'warnings', label: '预警', cadence: 'daily', cron: '0 9 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'problems', label: '问题督办', cadence: 'daily', cron: '0 9 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'reminder', label: '提醒', cadence: 'daily', cron: '0 16 * * *', workdaysOnly: true, missed: 'skip' },
  { name: 'lastCall', label: '催报', cadence: 'daily', cron: '30 17 * * *', workdaysOnly: true, missed: 'skip' },
  { name: 'dailyBoard', label: '日晒榜', cadence: 'daily', cron: '0 20 * * *', workdaysOnly: true, missed: 'late' },
  { name: 'commentPrompt', label: '点评提醒', cadence: 'daily', cron: '30 20 * * *', workdaysOnly: true, missed: 'skip' },
  { name: 'weeklyDispatch', label: '周调度', cadence: 'weekly', cron: '0 9 * * 1', workdaysOnly: false, missed: 'late' },
  { name: 'leaderDigest', label: '领导周报', cadence: 'weekly', cron: '30 9 * * 1', workdaysOnly: false, missed: 'late' },
  { name: 'monthlyBulletin', label: '月通报', cadence: 'monthly', cron: '0 9 1 * *', workdaysOnly: false, missed: 'late' },
];

export function jobByLabel(label: string): JobDef | undefined {
  return JOBS.find((j) => j.label === label || j.name === label);
}
