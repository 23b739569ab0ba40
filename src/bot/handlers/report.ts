import type { Ctx, Handler } from '../context';
import type { Project } from '../../domain/project';
import type { Report } from '../../domain/report';
import { MAX_REPORT_LENGTH, parseMessage } from '../../core/report/parse';
import { matchProject } from '../../core/report/match';
import { reportFlags } from '../../core/report/checks';
import { invalidReply } from '../../text/format';
import { REPORT_IN_GROUP, projectInvalidReply, reportTooLong, reportNeedsProject, reportProjectAmbiguous, reportProjectNotHere, reportSaved } from '../../text/report';
import { trackProblems } from '../../features/problems';
import { problemTracking } from './problems';

/** The project a report names (its 项目名称 line), among the group's; answers when it cannot tell. */
function reportProject(ctx: Ctx, report: Report): Project | null {
  const projects = ctx.groupProjects();
  const names = projects.map((p) => p.name);
  if (report.project === null) {
    if (projects.length === 1) return projects[0]!;
    ctx.reply(reportNeedsProject(names));
    return null;
  }
  const found = matchProject(report.project, projects);
  if (found.kind === 'match') return found.project;
  if (found.kind === 'ambiguous') {
    ctx.reply(reportProjectAmbiguous(report.project, found.candidates.map((p) => p.name)));
  } else {
    ctx.reply(reportProjectNotHere(report.project, names));
  }
  return null;
}

/** Saves one project's report and acknowledges it; false when no project of the group matches. */
function saveReport(ctx: Ctx, r: Report): boolean {
  const project = reportProject(ctx, r);
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
  const problems = problemTracking(ctx.s, trackProblems(ctx.s, saved, ctx.now), ctx.today);
  ctx.reply(reportSaved({ project: project.name, report: r, revision: saved.revision, flags, problems }));
  return true;
}

/** Any non-command text in a bound group: a daily report, or chatter left alone. */
export const report: Handler = (ctx) => {
  // A group without projects (the dispatch group) takes no reports: forwarded ones are talk there.
  const isDispatch = () => ctx.group !== null && !ctx.groupProjects().length;
  if (ctx.m.text.length > MAX_REPORT_LENGTH) {
    if (isDispatch()) return 'chatter';
    ctx.reply(reportTooLong(MAX_REPORT_LENGTH));
    return 'invalid';
  }
  const parsed = parseMessage(ctx.m.text, ctx.m.postedAt);
  if (parsed.kind === 'ignored' || isDispatch()) return 'chatter';
  if (parsed.kind === 'invalid') {
    ctx.reply(invalidReply(parsed.errors));
    return 'invalid';
  }
  if (!ctx.group) {
    ctx.reply(REPORT_IN_GROUP);
    return 'invalid';
  }
  if (parsed.kind === 'report') return saveReport(ctx, parsed.report) ? 'report' : 'invalid';
  // Several projects in one message: until the bot acknowledges them together, each is answered
  // as if it had been sent alone.
  let anySaved = false;
  for (const one of parsed.reports) {
    if (one.kind === 'invalid') ctx.reply(projectInvalidReply(one.project, one.errors));
    else anySaved = saveReport(ctx, one.report) || anySaved;
  }
  return anySaved ? 'report' : 'invalid';
};
