import type { Ctx } from './context';
import type { Group } from '../domain/group';
import type { Project } from '../domain/project';

/** True when the asker may change configuration; otherwise answers politely and returns false. */
export function requireAdmin(ctx: Ctx): boolean {
  if (ctx.person.isAdmin) return true;
  ctx.reply('抱歉，该指令仅限管理员使用。');
  return false;
}

/** The group the command concerns; a private chat gets a hint instead. */
export function requireGroup(ctx: Ctx): Group | null {
  if (ctx.group) return ctx.group;
  ctx.reply('请在项目工作群中发送该指令。');
  return null;
}

/** The group's projects; a group without any (the dispatch group) gets a hint instead. */
export function requireProjects(ctx: Ctx): Project[] | null {
  const projects = ctx.groupProjects();
  if (projects.length) return projects;
  ctx.reply('本群没有绑定项目（调度群）。各项目报送情况见每晚日晒榜，全区问题可发送 #问题 全部。');
  return null;
}

/** Splits a list of names typed as 「A、B，C」 or one per space. */
export function splitNames(args: string): string[] {
  return args
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
