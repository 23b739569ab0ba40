import type { Ctx, Handler } from '../context';
import { ANYWHERE, type CommandDef } from '../command';

function admin(ctx: Ctx) {
  if (!ctx.services.schedule) ctx.reply('日程功能未启用。');
  return ctx.services.schedule;
}

/** #日程: every job, when it runs next, and whether the holiday calendar covers it. */
const schedule: Handler = (ctx) => {
  const s = admin(ctx);
  if (s) ctx.reply(s.list(ctx.now, ctx.services.isYearCovered));
  return 'command';
};

const toggle =
  (paused: boolean): Handler =>
  (ctx) => {
    const s = admin(ctx);
    if (!s) return 'command';
    if (!ctx.args) {
      ctx.reply(`请写明日程名称，例如：#${paused ? '暂停' : '恢复'} 日晒榜`);
      return 'command';
    }
    ctx.reply(s.setPaused(ctx.args, paused, ctx.person.name, ctx.now).message);
    return 'command';
  };

export const scheduleCommand: CommandDef = {
  name: '日程',
  who: 'anyone',
  where: ANYWHERE,
  usage: '#日程',
  help: '查看各项日程的时间和下次运行时间',
  run: schedule,
};

export const pauseCommand: CommandDef = {
  name: '暂停',
  who: 'admin',
  where: ANYWHERE,
  usage: '#暂停 日程名',
  help: '暂停一项日程，如 #暂停 日晒榜',
  run: toggle(true),
};

export const resumeCommand: CommandDef = {
  name: '恢复',
  who: 'admin',
  where: ANYWHERE,
  usage: '#恢复 日程名',
  help: '恢复暂停的日程',
  run: toggle(false),
};
