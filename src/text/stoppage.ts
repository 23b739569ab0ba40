import { dayLabel } from './format';

export const STOP_COMMAND = { usage: '#停工 [项目] 原因 [至 日期]', help: '登记停工，停工期间不计未报', action: '申报停工、复工' } as const;
export const RESUME_WORK_COMMAND = { usage: '#复工 [项目]', help: '登记复工，自当天起恢复报送', action: '申报停工、复工' } as const;

/** How #停工 and #复工 ask which project is meant (see resolveProject). */
export const STOP_ASK = { verb: '停工', example: (project: string) => `#停工 ${project} 环保管控` } as const;
export const RESUME_WORK_ASK = { verb: '复工', example: (project: string) => `#复工 ${project}` } as const;

/** The date after 至 did not read, or is past. */
export function stopUntilUnreadable(project: string, typed: string): string {
  return `停工截止日期「${typed}」看不懂，请写成 12月5日 或 2026-12-05，例如：#停工 ${project} 冬季停工 至 2027-02-28`;
}

export function stopNeedsReason(project: string): string {
  return `请写明停工原因，例如：#停工 ${project} 环保管控 至 12月5日`;
}

export interface StoppageFacts {
  project: string;
  reason: string;
  from: string;
  /** The last day, when one was given. */
  until: string | null;
}

export function alreadyStopped(s: Omit<StoppageFacts, 'until'>): string {
  return `${s.project}已在停工中（${s.reason}，自${dayLabel(s.from)}起）。复工请发送 #复工。`;
}

export function stopDeclared(s: StoppageFacts): string {
  return `已登记停工：${s.project}，原因：${s.reason}，自${dayLabel(s.from)}起${s.until ? `至${dayLabel(s.until)}` : '，复工时请发送 #复工'}。停工期间不计未报。`;
}

export function notStopped(project: string): string {
  return `${project}目前没有停工登记。`;
}

/** `days`: how long it was stopped; 0 when it resumes the day it stopped. */
export function workResumed(project: string, days: number): string {
  return `已登记复工：${project}${days > 0 ? `，停工 ${days} 天` : ''}。请自今天起恢复报送日报。`;
}
