import type { Ctx, Handler } from '../context';
import type { Project } from '../../domain/project';
import type { Report } from '../../domain/report';
import { MAX_REPORT_LENGTH, parseMessage } from '../../core/report/parse';
import { matchProject } from '../../core/report/match';
import { reportFlags } from '../../core/report/checks';
import { dayLabel, invalidReply, reportFigures } from '../../text/format';
import { trackProblems } from '../../features/problems';
import { trackingNote } from './problems';

function resolveProject(ctx: Ctx, report: Report): Project | null {
  const projects = ctx.groupProjects();
  const list = projects.map((p) => p.name).join('、');
  if (report.project === null) {
    if (projects.length === 1) return projects[0]!;
    ctx.reply(`本群有多个项目，请在日报中写明项目名称，例如：项目名称：${projects[0]?.name ?? ''}\n本群项目：${list}`);
    return null;
  }
  const found = matchProject(report.project, projects);
  if (found.kind === 'match') return found.project;
  if (found.kind === 'ambiguous') {
    ctx.reply(`项目名称「${report.project}」可能是：${found.candidates.map((p) => p.name).join('、')}，请写全称后重新发送。`);
  } else {
    ctx.reply(`项目名称「${report.project}」不是本群绑定的项目，日报未保存。本群项目：${list}`);
  }
  return null;
}

/** Saves one project's report and acknowledges it; false when no project of the group matches. */
function saveReport(ctx: Ctx, r: Report): boolean {
  const project = resolveProject(ctx, r);
  if (!project) return false;

  const previous = ctx.s.reports.latestBefore(project.id, r.date);
  const flags = reportFlags(r, previous, project.totalInvestment);
  const saved = ctx.s.reports.save({
    projectId: project.id,
    report: r,
    messageId: ctx.messageId,
    personId: ctx.person.id,
    flags,
    now: ctx.now,
  });
  const tracked = trackingNote(ctx.s, trackProblems(ctx.s, saved, ctx.now), ctx.today);
  const revised = saved.revision > 1 ? `（已更新为第 ${saved.revision} 版）` : '';
  const lines = [`✅ 已收到 ${project.name} ${dayLabel(r.date)}日报${revised}：${reportFigures(r)}。`];
  if (flags.length) lines.push(`请核对：${flags.join('；')}。`);
  if (tracked) lines.push(tracked);
  ctx.reply(lines.join('\n'));
  return true;
}

/** Any non-command text in a bound group: a daily report, or chatter left alone. */
export const report: Handler = (ctx) => {
  // A group without projects (the dispatch group) takes no reports: forwarded ones are talk there.
  const isDispatch = () => ctx.group !== null && !ctx.groupProjects().length;
  if (ctx.m.text.length > MAX_REPORT_LENGTH) {
    if (isDispatch()) return 'chatter';
    ctx.reply(`消息超过 ${MAX_REPORT_LENGTH} 字，未作为日报读取；日报请精简后重新发送。`);
    return 'invalid';
  }
  const parsed = parseMessage(ctx.m.text, ctx.m.postedAt);
  if (parsed.kind === 'ignored' || isDispatch()) return 'chatter';
  if (parsed.kind === 'invalid') {
    ctx.reply(invalidReply(parsed.errors));
    return 'invalid';
  }
  if (!ctx.group) {
    ctx.reply('请在项目工作群中发送日报。');
    return 'invalid';
  }
  if (parsed.kind === 'report') return saveReport(ctx, parsed.report) ? 'report' : 'invalid';
  // Several projects in one message: until the bot acknowledges them together, each is answered
  // as if it had been sent alone.
  let anySaved = false;
  for (const one of parsed.reports) {
    if (one.kind === 'invalid') ctx.reply(`${one.project}：${invalidReply(one.errors)}`);
    else anySaved = saveReport(ctx, one.report) || anySaved;
  }
  return anySaved ? 'report' : 'invalid';
};
