import type { Ctx } from './context';
import type { Group } from '../store/groups';

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

/** Splits a list of names typed as 「A、B，C」 or one per space. */
export function splitNames(args: string): string[] {
  return args
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
