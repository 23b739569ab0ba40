import type { FieldError, Report } from '../domain/report';
import { dayLabel, invalidReply, reportFigures, reportTemplate } from './format';
import { trackingNote, type ProblemTracking } from './problems';

export const TEMPLATE_COMMAND = { usage: '#模板', help: '获取本群项目的日报模板' } as const;

/** #模板: the template filled with the group's first project, and a word when there are several. */
export function templateReply(projects: readonly string[]): string {
  const names = projects.length ? projects : ['（项目名称）'];
  const intro = names.length > 1 ? '本群有多个项目，请每个项目单独发送一条日报：\n\n' : '';
  return intro + reportTemplate(names[0]!);
}

export const REPORT_IN_GROUP = '请在项目工作群中发送日报。';

/** A message too long to be read as a report: stored, answered briefly. */
export function reportTooLong(limit: number): string {
  return `消息超过 ${limit} 字，未作为日报读取；日报请精简后重新发送。`;
}

/** One project of a combined report that must be fixed, named as written. */
export function projectInvalidReply(project: string, errors: FieldError[]): string {
  return `${project}：${invalidReply(errors)}`;
}

/** A report without 项目名称 in a group of several projects. */
export function reportNeedsProject(projects: readonly string[]): string {
  return `本群有多个项目，请在日报中写明项目名称，例如：项目名称：${projects[0] ?? ''}\n本群项目：${projects.join('、')}`;
}

export function reportProjectAmbiguous(typed: string, candidates: readonly string[]): string {
  return `项目名称「${typed}」可能是：${candidates.join('、')}，请写全称后重新发送。`;
}

export function reportProjectNotHere(typed: string, projects: readonly string[]): string {
  return `项目名称「${typed}」不是本群绑定的项目，日报未保存。本群项目：${projects.join('、')}`;
}

export interface SavedReport {
  project: string;
  report: Report;
  /** 1 for the day's first version. */
  revision: number;
  /** What the checks ask the reporter to look at again. */
  flags: readonly string[];
  problems: ProblemTracking;
}

/** The acknowledgement of a saved report: what was read, what to check, what became of its problems. */
export function reportSaved(x: SavedReport): string {
  const revised = x.revision > 1 ? `（已更新为第 ${x.revision} 版）` : '';
  const lines = [`✅ 已收到 ${x.project} ${dayLabel(x.report.date)}日报${revised}：${reportFigures(x.report)}。`];
  if (x.flags.length) lines.push(`请核对：${x.flags.join('；')}。`);
  const tracked = trackingNote(x.problems);
  if (tracked) lines.push(tracked);
  return lines.join('\n');
}
