import type { Ctx, Handler } from '../context';
import type { Project } from '../../domain/project';
import { ANYWHERE, type CommandDef } from '../command';
import { matchProject } from '../../core/report/match';
import { dayLabel } from '../../text/format';
import { holdsRole, projectsLedBy } from '../../features/roles';

/** The project a comment is about: named first, or the only one in reach (the group's, or the leader's). */
function target(ctx: Ctx): { project: Project; text: string } | null {
  const inGroup = ctx.groupProjects();
  const inReach = inGroup.length ? inGroup : ctx.person.isAdmin ? ctx.s.projects.list() : projectsLedBy(ctx.s, ctx.person);
  const [first = '', ...rest] = ctx.args.split(/\s+/);
  const named = first && rest.length ? matchProject(first, inReach) : { kind: 'none' as const };
  if (named.kind === 'match') return { project: named.project, text: rest.join(' ').trim() };
  if (inReach.length === 1) return { project: inReach[0]!, text: ctx.args.trim() };
  ctx.reply(
    inReach.length
      ? `请写明点评哪个项目，例如：#点评 ${inReach[0]!.name} 进度不错，注意安全。可点评：${inReach.map((p) => p.name).join('、')}`
      : '您目前没有帮包的项目可以点评。',
  );
  return null;
}

/**
 * #点评 [项目] 内容: the project's leader (or an admin) comments on its latest report, in the group or
 * privately; the comment is stored against that report and shown in the project's groups.
 */
const comment: Handler = (ctx) => {
  const t = target(ctx);
  if (!t) return 'command';
  const { project, text } = t;
  if (!ctx.person.isAdmin && !holdsRole(ctx.s, ctx.person, project, ['leader'])) {
    ctx.reply(`抱歉，只有${project.name}的帮包领导或管理员可以点评。`);
    return 'command';
  }
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
    ctx.s.outbox.enqueue({ key: `comment:${ctx.messageId}:g${g.id}`, target: { groupId: g.id }, text: shown }, ctx.now);
  }
  ctx.reply(ctx.group ? shown : `已点评${project.name}${dayLabel(report.date)}日报，并已转发到项目群。`);
  return 'command';
};

export const commentCommand: CommandDef = {
  name: '点评',
  who: ['leader', 'admin'],
  where: ANYWHERE,
  usage: '#点评 [项目] 内容',
  help: '点评当天（或最近一份）日报；也可私聊机器人，点评会发到项目群',
  run: comment,
};
