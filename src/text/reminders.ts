import { dayLabel } from './format';

const list = (projects: readonly string[]) => projects.map((p) => `· ${p}`).join('\n');

/** 日报提醒 (afternoon): the group's projects not reported yet. */
export function reminderText(date: string, projects: readonly string[]): string {
  return `【日报提醒】${dayLabel(date)}以下项目尚未报送日报：\n${list(projects)}\n请联络员今天下班前在本群报送（发送 #模板 获取格式）。`;
}

/** 催报 (before the board): the group's projects still not reported. */
export function lastCallText(date: string, projects: readonly string[]): string {
  return `【催报】${dayLabel(date)}以下项目仍未报送日报：\n${list(projects)}\n今晚日晒榜将通报未报项目，请尽快报送。`;
}
