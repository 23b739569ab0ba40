import type { Ctx, Handler } from '../context';
import type { Project } from '../../domain/project';
import type { Report } from '../../domain/report';
import { parseMessage } from '../../core/report/parse';
import { matchProject } from '../../core/report/match';
import { reportFlags } from '../../core/report/checks';
import { invalidReply } from '../../text/format';
import { REPORT_IN_GROUP, reportNeedsProject, reportProjectAmbiguous, reportProjectNotHere, reportSaved } from '../../text/report';
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

/** Any non-command text in a bound group: a daily report, or chatter left alone. */
export const report: Handler = (ctx) => {
  const parsed = parseMessage(ctx.m.text, ctx.m.postedAt);
  if (parsed.kind === 'ignored') return 'chatter';
  // A group without projects (the dispatch group) takes no reports: forwarded ones are talk there.
  if (ctx.group && !ctx.groupProjects().length) return 'chatter';
  if (parsed.kind === 'invalid') {
    ctx.reply(invalidReply(parsed.errors));
    return 'invalid';
  }
  if (!ctx.group) {
    ctx.reply(REPORT_IN_GROUP);
    return 'invalid';
  }
  const r = parsed.report;
  const project = reportProject(ctx, r);
  if (!project) return 'invalid';

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
  return 'report';
};
