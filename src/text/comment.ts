import type { Report } from '../domain/report';
import { dayLabel, reportFigures } from './format';

export const COMMENT_COMMAND = { usage: '#点评 [项目] 内容', help: '点评当天（或最近一份）日报；也可私聊机器人，点评会发到项目群', action: '点评' } as const;

/** How #点评 asks which project is meant (see resolveProject). */
export const COMMENT_ASK = { verb: '点评', example: (project: string) => `#点评 ${project} 进度不错，注意安全` } as const;

export function commentNeedsText(project: string): string {
  return `请写上点评内容，例如：#点评 ${project} 进度不错，注意安全。`;
}

export function nothingToComment(project: string): string {
  return `${project}还没有日报，暂不能点评。`;
}

export interface LeaderComment {
  by: string;
  project: string;
  /** The day of the report commented on. */
  date: string;
  text: string;
}

/** The comment as the project's groups see it. */
export function commentShown(c: LeaderComment): string {
  return `【领导点评】${c.by}点评${c.project}${dayLabel(c.date)}日报：${c.text}`;
}

/** The answer to a comment made privately. */
export function commentForwarded(c: Pick<LeaderComment, 'project' | 'date'>): string {
  return `已点评${c.project}${dayLabel(c.date)}日报，并已转发到项目群。`;
}

/** A report awaiting a leader's comment. */
export interface UncommentedReport {
  project: string;
  report: Omit<Report, 'project'>;
}

function digestLine({ project, report }: UncommentedReport): string {
  const work = report.todayWork ? `；${report.todayWork}` : '';
  return `· ${project}：${reportFigures({ ...report, project })}${work}`;
}

const ASK = '请回复 #点评 项目 内容（一个项目时可省略项目名）。';

/** 点评提醒 by private message: the day's reports of the projects one leader leads. */
export function commentPromptToLeader(leader: string, reports: readonly UncommentedReport[]): string {
  return `【点评提醒】${leader}您好，您帮包的项目今日日报：\n${reports.map(digestLine).join('\n')}\n${ASK}`;
}

/** 点评提醒 in a project group, @-mentioning its leaders. */
export function commentPromptToGroup(reports: readonly UncommentedReport[]): string {
  return `【点评提醒】今日日报已报送，请帮包领导点评：\n${reports.map(digestLine).join('\n')}\n${ASK}`;
}

/** The one gentle note after `days` workdays running without a comment. */
export function commentNudge(leader: string, days: number): string {
  return `${leader}您好：您帮包项目的日报已连续 ${days} 个工作日没有点评，烦请抽空点评（回复 #点评 项目 内容）。谢谢！`;
}
