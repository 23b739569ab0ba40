import type { Ctx } from '../context';
import type { MessageOutcome } from '../../domain/message';
import { ANYWHERE, type ProjectDef, type Target } from '../command';
import { outboxKey } from '../../domain/outbox';
import { dayLabel } from '../../text/format';
import { projectNamed } from '../project';

/**
 * #点评 [项目] 内容: the project's leader (or an admin) comments on its latest report, in the group or
 * privately; the comment is stored against that report and shown in the project's groups.
 */
function comment(ctx: Ctx, { project, rest: text }: Target): MessageOutcome {
  if (!text) {
    ctx.reply(`请写上点评内容，例如：#点评 ${project.name} 进度不错，注意安全。`);
    return 'command';
  }
  const report = ctx.s.reports.currentFor(project.id, ctx.today) ?? ctx.s.reports.recentFor(project.id, 1)[0];
  if (!report) {
    ctx.reply(`${project.name}还没有日报，暂不能点评。`);
    return 'command';
  }
  ctx.s.comments.add({ reportId: report.id, projectId: project.id, date: report.date, personId: ctx.person.id, text, messageId: ctx.messageId }, ctx.now);
  const shown = `【领导点评】${ctx.person.name}点评${project.name}${dayLabel(report.date)}日报：${text}`;
  for (const g of ctx.s.groups.groupsOf(project.id)) {
    if (g.id === ctx.group?.id) continue;
    ctx.s.outbox.enqueue({ key: outboxKey.comment(ctx.messageId, g.id), target: { groupId: g.id }, text: shown }, ctx.now);
  }
  ctx.reply(ctx.group ? shown : `已点评${project.name}${dayLabel(report.date)}日报，并已转发到项目群。`);
  return 'command';
}

const COMMENTERS = ['leader', 'admin'] as const;

export const commentCommand: ProjectDef = {
  name: '点评',
  who: COMMENTERS,
  where: ANYWHERE,
  usage: '#点评 [项目] 内容',
  help: '点评当天（或最近一份）日报；也可私聊机器人，点评会发到项目群',
  action: '点评',
  // Outside a project group the leader's own projects are in reach (an admin's: all).
  target: (ctx) =>
    projectNamed(ctx, { naming: 'first-word', roles: COMMENTERS, nameNeedsText: true, verb: '点评', example: (p) => `#点评 ${p} 进度不错，注意安全` }),
  run: comment,
};
