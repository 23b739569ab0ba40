import type { Report } from '../domain/report';
import { dayLabel, reportFigures } from './format';

export function progressCommandText(trendDays: number) {
  return { usage: '#进度 [项目]', help: `查看最近一份日报和近 ${trendDays} 次进度` } as const;
}

/** One project's part of #进度. */
export interface ProjectProgress {
  project: string;
  /** The reason of the stoppage in force, if any. */
  stopped: string | null;
  latest: (Omit<Report, 'project'> & { date: string }) | null;
  /** 形象进度 of the recent reports, oldest first. */
  trend: readonly number[];
}

function block(p: ProjectProgress, trendDays: number): string {
  const mark = p.stopped !== null ? `【停工：${p.stopped}】` : '';
  const latest = p.latest;
  if (!latest) return `${p.project}${mark}：暂无日报。`;
  const lines = [`${p.project}${mark}（${dayLabel(latest.date)}）：${reportFigures({ ...latest, project: p.project })}`];
  if (latest.todayWork) lines.push(`今日进展：${latest.todayWork}`);
  if (latest.problems.length) lines.push(`存在问题：${latest.problems.join('；')}`);
  if (p.trend.length) lines.push(`近${trendDays}次进度：${p.trend.map((x) => `${x}%`).join('→')}`);
  return lines.join('\n');
}

/** #进度: each project's latest report and the trend over at most `trendDays` reports. */
export function progressText(projects: readonly ProjectProgress[], trendDays: number): string {
  return projects.map((p) => block(p, trendDays)).join('\n\n');
}
