import type { Ctx } from '../context';
import type { MessageOutcome } from '../../domain/message';
import type { ProjectDef, Target } from '../command';
import { readFutureDate } from '../../core/report/parse';
import {
  RESUME_WORK_ASK,
  RESUME_WORK_COMMAND,
  STOP_ASK,
  STOP_COMMAND,
  alreadyStopped,
  notStopped,
  stopDeclared,
  stopNeedsReason,
  stopUntilUnreadable,
  workResumed,
} from '../../text/stoppage';
import { daysBetween } from '../../time/clock';
import { projectNamed } from '../project';

const UNTIL = /(\s*)至\s*(\S+)\s*$/;

/** #停工 [项目] 原因 [至 日期]: the project's days are not due while it is stopped. */
function stop(ctx: Ctx, split: Target): MessageOutcome {
  let reason = split.rest;
  let until: string | null = null;
  const m = UNTIL.exec(reason);
  const date = m && readFutureDate(m[2]!, ctx.today);
  // 至 glued to the reason with no date after it is part of the reason (材料运输受阻至今).
  if (m && (date || m[1])) {
    until = date;
    if (!until || until < ctx.today) {
      ctx.reply(stopUntilUnreadable(split.project.name, m[2]!));
      return 'command';
    }
    reason = reason.slice(0, m.index).trim();
  }
  if (!reason) {
    ctx.reply(stopNeedsReason(split.project.name));
    return 'command';
  }
  const current = ctx.s.stoppages.on(split.project.id, ctx.today);
  if (current) {
    ctx.reply(alreadyStopped({ project: split.project.name, reason: current.reason, from: current.fromDate }));
    return 'command';
  }
  ctx.s.stoppages.declare(split.project.id, reason, ctx.today, until, ctx.person.id, ctx.now);
  ctx.reply(stopDeclared({ project: split.project.name, reason, from: ctx.today, until }));
  return 'command';
}

/** #复工 [项目]: the project reports again from today. */
function resumeWork(ctx: Ctx, split: Target): MessageOutcome {
  const current = ctx.s.stoppages.on(split.project.id, ctx.today);
  if (!current) {
    ctx.reply(notStopped(split.project.name));
    return 'command';
  }
  ctx.s.stoppages.resume(current, ctx.today);
  ctx.reply(workResumed(split.project.name, daysBetween(current.fromDate, ctx.today)));
  return 'command';
}

const DECLARERS = ['liaison', 'leader', 'admin'] as const;

export const stopCommand: ProjectDef = {
  name: '停工',
  who: DECLARERS,
  where: ['group'],
  ...STOP_COMMAND,
  target: (ctx) => projectNamed(ctx, { naming: 'first-word', ...STOP_ASK }),
  run: stop,
};

export const resumeWorkCommand: ProjectDef = {
  name: '复工',
  who: DECLARERS,
  where: ['group'],
  ...RESUME_WORK_COMMAND,
  target: (ctx) => projectNamed(ctx, { naming: 'first-word', ...RESUME_WORK_ASK }),
  run: resumeWork,
};
