import type { Handler } from '../context';
import type { CommandDef } from '../command';
import type { MessageOutcome } from '../../domain/message';
import { matchProject } from '../../core/report/match';
import { ensureGroup, splitNames, theGroup } from '../guards';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';
import { ALL_UNBOUND, BIND_COMMAND, BIND_USAGE, UNBIND_COMMAND, bound, notBound, unbound, type UnclearName } from '../../text/bind';

/** #绑定 项目名[、项目名…]: an admin binds this group to registry projects. */
const bind: Handler = async (ctx): Promise<MessageOutcome> => {
  const group = ensureGroup(ctx);
  const names = splitNames(ctx.args);
  if (!names.length) {
    ctx.reply(BIND_USAGE);
    return 'command';
  }
  const all = ctx.s.projects.list();
  const unclear: UnclearName[] = [];
  const chosen = names.flatMap((name) => {
    const found = matchProject(name, all);
    if (found.kind === 'match') return [found.project];
    unclear.push(found.kind === 'ambiguous' ? { kind: 'ambiguous', typed: name, candidates: found.candidates.map((p) => p.name) } : { kind: 'unknown', typed: name });
    return [];
  });
  if (unclear.length) {
    ctx.reply(notBound(unclear));
    return 'command';
  }
  ctx.s.groups.noteMember(group.id, ctx.person.id);
  // Knowing every member lets roles fall back to the registry's names before anyone has spoken.
  for (const member of (await ctx.m.roomMembers?.()) ?? []) {
    ctx.s.groups.noteMember(group.id, ctx.s.people.see(member.id, member.name, ctx.now, ctx.settings.admins).id);
  }
  for (const p of chosen) ctx.s.groups.bindProject(group.id, p.id, ctx.person.id, ctx.now);
  const here = ctx.s.projects.byIds(ctx.s.groups.projectIdsOf(group.id));
  ctx.reply(bound(chosen.map((p) => p.name), here.map((p) => p.name)));
  return 'command';
};

/** #解绑 [项目名]: an admin unbinds one project, or all of them. */
const unbind: Handler = (ctx) => {
  const group = theGroup(ctx);
  const pick = resolveProject(ctx, ctx.args, WHOLE_ARGS);
  if (pick.kind === 'all') {
    ctx.s.groups.unbindAllProjects(group.id);
    ctx.reply(ALL_UNBOUND);
    return 'command';
  }
  if (pick.kind !== 'found') {
    ctx.reply(projectRefusal(ctx, pick, WHOLE_ARGS));
    return 'command';
  }
  const { project } = pick;
  ctx.s.groups.unbindProject(group.id, project.id);
  const rest = ctx.groupProjects().filter((p) => p.id !== project.id).map((p) => p.name);
  ctx.reply(unbound(project.name, rest));
  return 'command';
};

export const bindCommand: CommandDef = {
  name: '绑定',
  who: 'admin',
  where: ['group', 'dispatch', 'unbound'],
  ...BIND_COMMAND,
  run: bind,
};

export const unbindCommand: CommandDef = {
  name: '解绑',
  who: 'admin',
  where: ['group'],
  ...UNBIND_COMMAND,
  run: unbind,
};
