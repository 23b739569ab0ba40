import type { Ctx } from '../context';
import type { Project } from '../../domain/project';
import type { Report, StoredReport } from '../../domain/report';
import type { MessageOutcome } from '../../domain/message';
import { MAX_REPORT_LENGTH, parseMessage } from '../../core/report/parse';
import { matchProject } from '../../core/report/match';
import { reportFlags } from '../../core/report/checks';
import { isTemplateSample } from '../../core/report/template';
import { holdsRole, roleHolders } from '../../features/roles';
import { trackProblems } from '../../features/problems';
import { invalidReply } from '../../text/format';
import {
  CONFIRM_COMMAND,
  REPORT_IN_GROUP,
  TEMPLATE_SAMPLE,
  TEMPLATE_UNCHANGED,
  nothingToConfirm,
  reportConfirmed,
  reportKept,
  reportNeedsProject,
  reportProjectAmbiguous,
  reportProjectNotHere,
  reportSaved,
  reportTooLong,
  reportsReply,
  type ReportOutcome,
  type SavedReport,
} from '../../text/report';
import { nameTheProject } from '../../text/project';
import { problemTracking } from './problems';
import { resolveProject, projectRefusal, WHOLE_ARGS } from '../project';
import type { ProjectDef, Target } from '../command';

/** Which of the group's projects a report is for. */
type Owner = { kind: 'project'; project: Project } | { kind: 'unnamed' } | { kind: 'unmatched'; candidates: Project[] };

/**
 * The project a report names among the group's. Unnamed, it is the group's only project, or else the
 * one project of the group whose liaison the sender is.
 */
function ownerOf(ctx: Ctx, report: Report): Owner {
  const projects = ctx.groupProjects();
  if (report.project === null) {
    if (projects.length === 1) return { kind: 'project', project: projects[0]! };
    const mine = projects.filter((p) => holdsRole(ctx.s, ctx.person, p, ['liaison']));
    return mine.length === 1 ? { kind: 'project', project: mine[0]! } : { kind: 'unnamed' };
  }
  const found = matchProject(report.project, projects);
  if (found.kind === 'match') return { kind: 'project', project: found.project };
  return { kind: 'unmatched', candidates: found.kind === 'ambiguous' ? found.candidates : [] };
}

/** The day's report may be replaced by the project's liaison, by whoever sent it, or by an admin. */
function mayReplace(ctx: Ctx, project: Project, current: StoredReport | undefined): boolean {
  return !current || current.personId === ctx.person.id || ctx.person.isAdmin || holdsRole(ctx.s, ctx.person, project, ['liaison']);
}

/** Checks a stored version against the day before, files its problems, and words what was saved. */
function filed(ctx: Ctx, project: Project, stored: StoredReport, report: Report): SavedReport {
  const problems = problemTracking(ctx.s, trackProblems(ctx.s, stored, ctx.now), ctx.today);
  return { project: project.name, report, revision: stored.revision, flags: stored.flags, problems };
}

interface Filing {
  outcome: ReportOutcome;
  /** Who the answer @-mentions: the liaison asked to confirm a kept submission. */
  mentions: number[];
}

/** Saves one project's report as the day's current one, or keeps it beside the current one to be confirmed. */
function file(ctx: Ctx, project: Project, report: Report): Filing {
  const pending = !mayReplace(ctx, project, ctx.s.reports.currentFor(project.id, report.date));
  const previous = ctx.s.reports.latestBefore(project.id, report.date);
  const flags = reportFlags(report, previous, project.totalInvestment);
  const stored = ctx.s.reports.save({ projectId: project.id, report, messageId: ctx.messageId, personId: ctx.person.id, flags, now: ctx.now, pending });
  if (!pending) return { outcome: { kind: 'saved', saved: filed(ctx, project, stored, report) }, mentions: [] };
  const liaisons = roleHolders(ctx.s, project, 'liaison', ctx.group?.id ?? null).map((p) => p.id);
  return {
    outcome: { kind: 'kept', kept: { project: project.name, report, revision: stored.revision, hasLiaison: liaisons.length > 0 } },
    mentions: liaisons,
  };
}

let templateSample: Report | null = null;

/** The #模板 text as the parser reads it: its figures are the samples a real report must not repeat. */
function sample(at: Date): Report {
  if (!templateSample) {
    const parsed = parseMessage(TEMPLATE_SAMPLE, at);
    if (parsed.kind !== 'report') throw new Error('the report template does not parse as a report');
    templateSample = parsed.report;
  }
  return templateSample;
}

/** A message carrying one project's report: answered as that project's alone. */
function one(ctx: Ctx, report: Report): MessageOutcome {
  const owner = ownerOf(ctx, report);
  const names = ctx.groupProjects().map((p) => p.name);
  if (owner.kind === 'unnamed') {
    ctx.reply(reportNeedsProject(names));
    return 'invalid';
  }
  if (owner.kind === 'unmatched') {
    const typed = report.project ?? '';
    ctx.reply(owner.candidates.length ? reportProjectAmbiguous(typed, owner.candidates.map((p) => p.name)) : reportProjectNotHere(typed, names));
    return 'invalid';
  }
  const { outcome, mentions } = file(ctx, owner.project, report);
  if (outcome.kind === 'saved') ctx.reply(reportSaved(outcome.saved));
  else if (outcome.kind === 'kept') ctx.reply(reportKept(outcome.kept), mentions);
  return 'report';
}

/** A 镇街 liaison's combined message: each project filed on its own, one answer for all. */
function several(ctx: Ctx, parts: Extract<ReturnType<typeof parseMessage>, { kind: 'reports' }>['reports']): MessageOutcome {
  const mentions = new Set<number>();
  const outcomes = parts.map((part): ReportOutcome => {
    if (part.kind === 'invalid') return { kind: 'invalid', project: part.project, errors: part.errors };
    const owner = ownerOf(ctx, part.report);
    if (owner.kind !== 'project') {
      const candidates = owner.kind === 'unmatched' ? owner.candidates.map((p) => p.name) : [];
      return { kind: 'unmatched', project: part.report.project ?? '', candidates };
    }
    const filing = file(ctx, owner.project, part.report);
    filing.mentions.forEach((id) => mentions.add(id));
    return filing.outcome;
  });
  ctx.reply(reportsReply(outcomes, ctx.groupProjects().map((p) => p.name)), [...mentions]);
  return outcomes.some((o) => o.kind === 'saved' || o.kind === 'kept') ? 'report' : 'invalid';
}

/**
 * Any non-command text in a bound group: a daily report, or chatter left alone. Synchronous, so that the
 * bot commits a report, its problems, its acknowledgement and the message's outcome in one transaction.
 */
export function report(ctx: Ctx): MessageOutcome {
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
  if (parsed.kind === 'reports') return several(ctx, parsed.reports);
  if (isTemplateSample(parsed.report, sample(ctx.m.postedAt))) {
    ctx.reply(TEMPLATE_UNCHANGED);
    return 'template';
  }
  return one(ctx, parsed.report);
}

/** The project named, or the one project of the group with a submission awaiting confirmation. */
function confirmTarget(ctx: Ctx): Target | string {
  const pick = resolveProject(ctx, ctx.args, WHOLE_ARGS);
  if (pick.kind === 'found') return { project: pick.project, rest: '' };
  if (pick.kind !== 'all') return projectRefusal(ctx, pick, WHOLE_ARGS);
  if (pick.projects.length === 1) return { project: pick.projects[0]!, rest: '' };
  const waiting = pick.projects.filter((p) => ctx.s.reports.latestPending(p.id));
  if (waiting.length === 1) return { project: waiting[0]!, rest: '' };
  return waiting.length ? nameTheProject(waiting.map((p) => p.name)) : nothingToConfirm(pick.projects.map((p) => p.name).join('、'));
}

/** #确认日报: the newest kept submission becomes the day's report, its problems filed as for any report. */
function confirm(ctx: Ctx, { project }: Target): MessageOutcome {
  return ctx.s.transaction(() => {
    const waiting = ctx.s.reports.latestPending(project.id);
    const promoted = waiting && ctx.s.reports.promote(waiting.id);
    if (!promoted) {
      ctx.reply(nothingToConfirm(project.name));
      return 'command';
    }
    ctx.reply(reportConfirmed(filed(ctx, project, promoted, { ...promoted, project: project.name })));
    return 'command';
  });
}

export const confirmCommand: ProjectDef = {
  name: '确认日报',
  who: ['liaison', 'admin'],
  where: ['group'],
  ...CONFIRM_COMMAND,
  target: confirmTarget,
  run: confirm,
};
