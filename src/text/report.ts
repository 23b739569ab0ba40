import { FIELD_LABELS, type FieldError, type Report, type ReportKey } from '../domain/report';
import { dayLabel, errorLines, invalidReply, reportFigures, reportTemplate } from './format';
import { trackingNote, type ProblemTracking } from './problems';

export const TEMPLATE_COMMAND = { usage: '#模板', help: '获取本群项目的日报模板' } as const;

/** #模板: the template filled with the group's first project, and a word when there are several. */
export function templateReply(projects: readonly string[]): string {
  const names = projects.length ? projects : ['（项目名称）'];
  const intro =
    names.length > 1 ? '本群有多个项目：可每个项目单独发送一条日报，也可在一条消息中逐个项目填写（每段以项目名称开头）。\n\n' : '';
  return intro + reportTemplate(names[0]!);
}

export const REPORT_IN_GROUP = '请在项目工作群中发送日报。';

/** The #模板 text with no project filled in: its figures are the samples a real report must not repeat. */
export const TEMPLATE_SAMPLE = reportTemplate('（项目名称）');

/** The #模板 text sent back with its sample figures unchanged: stored as a message, not as a report. */
export const TEMPLATE_UNCHANGED = '这是模板示例，请填写实际数据后再发送。';

/** A message too long to be read as a report: stored, answered briefly. */
export function reportTooLong(limit: number): string {
  return `消息超过 ${limit} 字，未作为日报读取；日报请精简后重新发送。`;
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

/** Remarks typed after figures, each with the field it followed: `占总投资32%（累计完成投资）`. */
function notesLine(notes: Report['notes']): string | null {
  const parts = Object.entries(notes ?? {}).map(([key, note]) => `${note}（${FIELD_LABELS[key as ReportKey]}）`);
  return parts.length ? `另注：${parts.join('；')}` : null;
}

function revisionLabel(x: SavedReport): string {
  if (x.revision === 1) return '';
  return x.report.correction ? `（已按更正更新为第 ${x.revision} 版）` : `（已更新为第 ${x.revision} 版）`;
}

/** What to check and what became of the problems, below the figures. */
function savedDetails(x: SavedReport): string[] {
  const lines: string[] = [];
  const notes = notesLine(x.report.notes);
  if (notes) lines.push(notes);
  if (x.flags.length) lines.push(`请核对：${x.flags.join('；')}。`);
  const tracked = trackingNote(x.problems);
  if (tracked) lines.push(tracked);
  return lines;
}

/** The acknowledgement of a saved report: what was read, what to check, what became of its problems. */
export function reportSaved(x: SavedReport): string {
  return [`✅ 已收到 ${x.project} ${dayLabel(x.report.date)}日报${revisionLabel(x)}：${reportFigures(x.report)}。`, ...savedDetails(x)].join('\n');
}

/** A report from someone who may not replace the day's report: kept beside it until confirmed. */
export interface KeptReport {
  project: string;
  report: Report;
  revision: number;
  /** Whether the project has a liaison the bot knows (then @-mentioned with the answer). */
  hasLiaison: boolean;
}

const confirmUsage = (project: string) => CONFIRM_COMMAND.usage.replace('[项目]', project);

const checker = (x: KeptReport) => (x.hasLiaison ? '联络员' : '管理员');

export function reportKept(x: KeptReport): string {
  return [
    `📝 已收到 ${x.project} ${dayLabel(x.report.date)}日报：${reportFigures(x.report)}。`,
    `当日日报已由他人报送，本条另存为第 ${x.revision} 版，请${checker(x)}核对；确认采用请发送：${confirmUsage(x.project)}`,
  ].join('\n');
}

export const CONFIRM_COMMAND = { usage: '#确认日报 [项目]', help: '采用他人另存的当日日报（联络员、管理员）', action: '确认采用他人另存的日报' } as const;

export function nothingToConfirm(project: string): string {
  return `${project} 没有待确认的日报。`;
}

/** The confirmed submission, now the day's report. */
export function reportConfirmed(x: SavedReport): string {
  return [`✅ 已采用 ${x.project} ${dayLabel(x.report.date)}日报第 ${x.revision} 版：${reportFigures(x.report)}。`, ...savedDetails(x)].join('\n');
}

/** What became of one project's part of a combined report. */
export type ReportOutcome =
  | { kind: 'saved'; saved: SavedReport }
  | { kind: 'kept'; kept: KeptReport }
  | { kind: 'invalid'; project: string; errors: FieldError[] }
  /** The name as written matches none of the group's projects, or several (`candidates`). */
  | { kind: 'unmatched'; project: string; candidates: readonly string[] };

const indent = (line: string) => `   ${line}`;

function outcomeLines(o: ReportOutcome, groupProjects: readonly string[]): string[] {
  switch (o.kind) {
    case 'saved':
      return [`✅ ${o.saved.project} ${dayLabel(o.saved.report.date)}${revisionLabel(o.saved)}：${reportFigures(o.saved.report)}`, ...savedDetails(o.saved).map(indent)];
    case 'kept':
      return [`📝 ${o.kept.project} ${dayLabel(o.kept.report.date)}：当日日报已由他人报送，本条另存为第 ${o.kept.revision} 版，待${checker(o.kept)}确认（${confirmUsage(o.kept.project)}）`];
    case 'invalid':
      return [`❌ ${o.project}：未保存，请修改后重新发送`, ...errorLines(o.errors).map(indent)];
    case 'unmatched':
      return o.candidates.length
        ? [`❓ ${o.project}：可能是 ${o.candidates.join('、')}，未保存，请写全称`]
        : [`❓ ${o.project}：不是本群绑定的项目，未保存（本群项目：${groupProjects.join('、')}）`];
  }
}

/** One answer to a message reporting on several projects: each project saved, kept, or what to fix. */
export function reportsReply(outcomes: readonly ReportOutcome[], groupProjects: readonly string[]): string {
  const saved = outcomes.filter((o) => o.kind === 'saved').length;
  const head =
    saved === outcomes.length
      ? `✅ 已收到 ${saved} 个项目的日报：`
      : `已收到 ${outcomes.length} 个项目的日报，保存 ${saved} 个，其余见下：`;
  return [head, ...outcomes.flatMap((o) => outcomeLines(o, groupProjects))].join('\n');
}
