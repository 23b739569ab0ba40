import type { Ctx, Handler } from '../context';
import { requireAdmin } from '../guards';

function admin(ctx: Ctx) {
  if (!ctx.services.schedule) ctx.reply('日程功能未启用。');
  return ctx.services.schedule;
}

/** #日程: every job, when it runs next, and whether the holiday calendar covers it. */
export const schedule: Handler = (ctx) => {
  const s = admin(ctx);
  if (s) ctx.reply(s.list(ctx.now, ctx.services.isYearCovered));
  return 'command';
};

const toggle =
  (paused: boolean): Handler =>
  (ctx) => {
    if (!requireAdmin(ctx)) return 'command';
    const s = admin(ctx);
    if (!s) return 'command';
    if (!ctx.args) {
      ctx.reply(`请写明日程名称，例如：#${paused ? '暂停' : '恢复'} 日晒榜`);
      return 'command';
    }
    ctx.reply(s.setPaused(ctx.args, paused, ctx.person.name, ctx.now).message);
    return 'command';
  };

/** #暂停 日晒榜 / #恢复 日晒榜 (admins). */
export const pause = toggle(true);
export const resume = toggle(false);
