import type { Handler } from '../context';
import type { CommandDef } from '../command';
import type { MessageOutcome } from '../../domain/message';
import { matchProject } from '../../core/report/match';
import { ensureGroup, splitNames, theGroup } from '../guards';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';

/** #绑定 项目名[、项目名…]: an admin binds this group to registry projects. */
const bind: Handler = async (ctx): Promise<MessageOutcome> => {
  const group = ensureGroup(ctx);
  const names = splitNames(ctx.args);
  if (!names.length) {
    ctx.reply('请写明项目名称，例如：#绑定 精细化工中间体项目（多个项目用、分隔）');
    return 'command';
  }
  const all = ctx.s.projects.list();
  const problems: string[] = [];
  const chosen = names.flatMap((name) => {
    const found = matchProject(name, all);
    if (found.kind === 'match') return [found.project];
    problems.push(
      found.kind === 'ambiguous'
        ? `「${name}」可能是：${found.candidates.map((p) => p.name).join('、')}，请写全称`
        : `台账中没有「${name}」`,
    );
    return [];
  });
  if (problems.length) {
    ctx.reply(`未绑定：${problems.join('；')}。`);
    return 'command';
  }
  ctx.s.groups.noteMember(group.id, ctx.person.id);
  // Knowing every member lets roles fall back to the registry's names before anyone has spoken.
  for (const member of (await ctx.m.roomMembers?.()) ?? []) {
    ctx.s.groups.noteMember(group.id, ctx.s.people.see(member.id, member.name, ctx.now, ctx.settings.admins).id);
  }
  for (const p of chosen) ctx.s.groups.bindProject(group.id, p.id, ctx.person.id, ctx.now);
  const bound = ctx.s.projects.byIds(ctx.s.groups.projectIdsOf(group.id));
  ctx.reply(`已绑定：${chosen.map((p) => p.name).join('、')}。\n本群项目：${bound.map((p) => p.name).join('、')}\n请项目联络员每个工作日在本群发送日报（发送 #模板 获取格式）。`);
  return 'command';
};

/** #解绑 [项目名]: an admin unbinds one project, or all of them. */
const unbind: Handler = (ctx) => {
  const group = theGroup(ctx);
  const pick = resolveProject(ctx, ctx.args, WHOLE_ARGS);
  if (pick.kind === 'all') {
    ctx.s.groups.unbindAllProjects(group.id);
    ctx.reply('已解除本群全部项目绑定，此后不再处理本群消息。');
    return 'command';
  }
  if (pick.kind !== 'found') {
    ctx.reply(projectRefusal(ctx, pick, WHOLE_ARGS));
    return 'command';
  }
  const { project } = pick;
  ctx.s.groups.unbindProject(group.id, project.id);
  const rest = ctx.groupProjects().filter((p) => p.id !== project.id).map((p) => p.name);
  ctx.reply(`已解绑：${project.name}。${rest.length ? `本群项目：${rest.join('、')}` : '本群已无绑定项目。'}`);
  return 'command';
};

export const bindCommand: CommandDef = {
  name: '绑定',
  who: 'admin',
  where: ['group', 'dispatch', 'unbound'],
  elsewhere: '请在要绑定的项目工作群中发送 #绑定 项目名。',
  usage: '#绑定 项目名[、项目名]',
  help: '将本群绑定到台账里的项目（可多个，用、分隔）',
  run: bind,
};

export const unbindCommand: CommandDef = {
  name: '解绑',
  who: 'admin',
  where: ['group'],
  usage: '#解绑 [项目名]',
  help: '解除绑定（不写项目名则全部解除）',
  run: unbind,
};
