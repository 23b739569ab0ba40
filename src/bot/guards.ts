import type { Ctx } from './context';
import type { Group } from '../domain/group';
import type { MessageOutcome } from '../domain/message';
import type { Project } from '../domain/project';
import type { Role } from '../domain/people';
import type { CommandDef, Place, ProjectDef, SubcommandDef, Who } from './command';
import { isProjectDef, roleNames } from './command';
import { holdsRole } from '../features/roles';
import { REFUSAL, notYourProject } from '../text/rights';

/** Where this message was said (see Place). */
export function placesOf(ctx: Ctx): Place[] {
  if (!ctx.m.roomId) return ['private'];
  if (!ctx.group) return ['unbound'];
  const here: Place[] = [];
  if (ctx.groupProjects().length) here.push('group');
  if (ctx.group.isDispatch) here.push('dispatch');
  return here;
}

/** Why a command is not answered here, or null when it is. */
export function placeRefusal(d: Pick<CommandDef, 'where' | 'elsewhere'>, here: readonly Place[]): string | null {
  if (here.some((p) => d.where.includes(p))) return null;
  if (here.includes('private')) return d.elsewhere ?? REFUSAL.groupOnly;
  // Only the dispatch group is served without projects of its own.
  return d.where.includes('group') ? REFUSAL.noProjectsHere : REFUSAL.dispatchOnly;
}

/** Why the asker may not use a command open to anyone or to admins, or null when they may. */
function whoRefusal(ctx: Ctx, who: Who): string | null {
  return who === 'admin' && !ctx.person.isAdmin ? REFUSAL.adminOnly : null;
}

/** Whether the asker holds one of the command's roles on the project (an admin, when admins are among them). */
export function mayActOn(ctx: Ctx, d: ProjectDef, project: Project): boolean {
  if (ctx.person.isAdmin && d.who.includes('admin')) return true;
  const roles = d.who.filter((r): r is Role => r !== 'admin');
  return holdsRole(ctx.s, ctx.person, project, roles);
}

/**
 * Whether #帮助 lists a command for the asker: anyone's, admins' to admins, and a project command to
 * whoever holds one of its roles on a project here (the group's, or any outside a project group).
 */
export function mayUse(ctx: Ctx, d: CommandDef | SubcommandDef): boolean {
  if (!isProjectDef(d)) return !whoRefusal(ctx, d.who);
  if (ctx.person.isAdmin && d.who.includes('admin')) return true;
  const here = ctx.groupProjects();
  return (here.length ? here : ctx.s.projects.list()).some((p) => mayActOn(ctx, d, p));
}

/** The refusal to someone without the command's roles on the project. */
export function deniedOn(d: ProjectDef, project: Project): string {
  return notYourProject(project.name, roleNames(d), d.action);
}

/**
 * Runs a command after the checks its declaration asks for, so no handler repeats them: for a
 * subcommand the command's `who` first, then the subcommand's place and `who`. A right on a project
 * is checked once the project is known.
 */
export async function runCommand(ctx: Ctx, def: CommandDef, sub: SubcommandDef | null): Promise<MessageOutcome> {
  const here = placesOf(ctx);
  const refuse = (text: string): MessageOutcome => {
    // In a group the bot does not serve, only those who may set it up are answered.
    if (here.includes('unbound')) return 'unbound';
    ctx.reply(text);
    return 'command';
  };
  const parent = sub ? whoRefusal(ctx, def.who) : null;
  if (parent) return refuse(parent);
  const d = sub ?? def;
  const wrongPlace = placeRefusal(d, here);
  if (wrongPlace) return refuse(wrongPlace);
  if (!isProjectDef(d)) {
    const refusal = whoRefusal(ctx, d.who);
    return refusal ? refuse(refusal) : d.run(ctx);
  }
  const t = d.target(ctx);
  if (typeof t === 'string') return refuse(t);
  return mayActOn(ctx, d, t.project) ? d.run(ctx, t) : refuse(deniedOn(d, t.project));
}

/** The group of a command declared for groups only; the registry's checks have made sure there is one. */
export function theGroup(ctx: Ctx): Group {
  if (!ctx.group) throw new Error('a group-only command ran outside a served group');
  return ctx.group;
}

/** The group row for this room, created for a setup command in a group the bot does not serve yet. */
export function ensureGroup(ctx: Ctx): Group {
  if (!ctx.m.roomId) throw new Error('a group command ran in a private chat');
  return ctx.group ?? ctx.s.groups.ensure(ctx.m.roomId, ctx.m.roomTopic ?? '', ctx.now);
}

/** Splits a list of names typed as 「A、B，C」 or one per space. */
export function splitNames(args: string): string[] {
  return args
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
