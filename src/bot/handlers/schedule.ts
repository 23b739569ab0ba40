import type { Ctx, Handler } from '../context';
import { ANYWHERE, type CommandDef } from '../command';
import { PAUSE_COMMAND, RESUME_COMMAND, SCHEDULE_COMMAND, SCHEDULE_OFF, nameTheJob } from '../../text/schedule';

function admin(ctx: Ctx) {
  if (!ctx.services.schedule) ctx.reply(SCHEDULE_OFF);
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
      ctx.reply(nameTheJob(paused));
      return 'command';
    }
    ctx.reply(s.setPaused(ctx.args, paused, ctx.person.name, ctx.now).message);
    return 'command';
  };

export const scheduleCommand: CommandDef = {
  name: '日程',
  who: 'anyone',
  where: ANYWHERE,
  ...SCHEDULE_COMMAND,
  run: schedule,
};

export const pauseCommand: CommandDef = {
  name: '暂停',
  who: 'admin',
  where: ANYWHERE,
  ...PAUSE_COMMAND,
  run: toggle(true),
};

export const resumeCommand: CommandDef = {
  name: '恢复',
  who: 'admin',
  where: ANYWHERE,
  ...RESUME_COMMAND,
  run: toggle(false),
};
