import type { Ctx } from '../context';
import type { MessageOutcome } from '../../domain/message';
import { ANYWHERE, type ProjectDef, type Target } from '../command';
import { outboxKey } from '../../domain/outbox';
import { COMMENT_ASK, COMMENT_COMMAND, commentForwarded, commentNeedsText, commentShown, nothingToComment } from '../../text/comment';
import { projectNamed } from '../project';

/**
 * #点评 [项目] 内容: the project's leader (or an admin) comments on its latest report, in the group or
 * privately; the comment is stored against that report and shown in the project's groups.
 */
function comment(ctx: Ctx, { project, rest: text }: Target): MessageOutcome {
  if (!text) {
    ctx.reply(commentNeedsText(project.name));
    return 'command';
  }
  const report = ctx.s.reports.currentFor(project.id, ctx.today) ?? ctx.s.reports.recentFor(project.id, 1)[0];
  if (!report) {
    ctx.reply(nothingToComment(project.name));
    return 'command';
  }
  ctx.s.comments.add({ reportId: report.id, projectId: project.id, date: report.date, personId: ctx.person.id, text, messageId: ctx.messageId }, ctx.now);
  const shown = commentShown({ by: ctx.person.name, project: project.name, date: report.date, text });
  for (const g of ctx.s.groups.groupsOf(project.id)) {
    if (g.id === ctx.group?.id) continue;
    ctx.s.outbox.enqueue({ key: outboxKey.comment(ctx.messageId, g.id), target: { groupId: g.id }, text: shown }, ctx.now);
  }
  ctx.reply(ctx.group ? shown : commentForwarded({ project: project.name, date: report.date }));
  return 'command';
}

const COMMENTERS = ['leader', 'admin'] as const;

export const commentCommand: ProjectDef = {
  name: '点评',
  who: COMMENTERS,
  where: ANYWHERE,
  ...COMMENT_COMMAND,
  // Outside a project group the leader's own projects are in reach (an admin's: all).
  target: (ctx) =>
    projectNamed(ctx, { naming: 'first-word', roles: COMMENTERS, nameNeedsText: true, ...COMMENT_ASK }),
  run: comment,
};
