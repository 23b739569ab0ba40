import type { Ctx } from '../context';
import type { MessageOutcome } from '../../domain/message';
import type { ProjectDef, Target } from '../command';
import { readFutureDate } from '../../core/report/parse';
import { dayLabel } from '../../text/format';
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
      ctx.reply(`停工截止日期「${m[2]}」看不懂，请写成 12月5日 或 2026-12-05，例如：#停工 ${split.project.name} 冬季停工 至 2027-02-28`);
      return 'command';
    }
    reason = reason.slice(0, m.index).trim();
  }
  if (!reason) {
    ctx.reply(`请写明停工原因，例如：#停工 ${split.project.name} 环保管控 至 12月5日`);
    return 'command';
  }
  const current = ctx.s.stoppages.on(split.project.id, ctx.today);
  if (current) {
    ctx.reply(`${split.project.name}已在停工中（${current.reason}，自${dayLabel(current.fromDate)}起）。复工请发送 #复工。`);
    return 'command';
  }
  ctx.s.stoppages.declare(split.project.id, reason, ctx.today, until, ctx.person.id, ctx.now);
  ctx.reply(`已登记停工：${split.project.name}，原因：${reason}，自${dayLabel(ctx.today)}起${until ? `至${dayLabel(until)}` : '，复工时请发送 #复工'}。停工期间不计未报。`);
  return 'command';
}

/** #复工 [项目]: the project reports again from today. */
function resumeWork(ctx: Ctx, split: Target): MessageOutcome {
  const current = ctx.s.stoppages.on(split.project.id, ctx.today);
  if (!current) {
    ctx.reply(`${split.project.name}目前没有停工登记。`);
    return 'command';
  }
  ctx.s.stoppages.resume(current, ctx.today);
  const days = current.fromDate < ctx.today ? `，停工 ${daysBetween(current.fromDate, ctx.today)} 天` : '';
  ctx.reply(`已登记复工：${split.project.name}${days}。请自今天起恢复报送日报。`);
  return 'command';
}

const DECLARERS = ['liaison', 'leader', 'admin'] as const;

export const stopCommand: ProjectDef = {
  name: '停工',
  who: DECLARERS,
  where: ['group'],
  usage: '#停工 [项目] 原因 [至 日期]',
  help: '登记停工，停工期间不计未报',
  action: '申报停工、复工',
  target: (ctx) => projectNamed(ctx, { naming: 'first-word', verb: '停工', example: (p) => `#停工 ${p} 环保管控` }),
  run: stop,
};

export const resumeWorkCommand: ProjectDef = {
  name: '复工',
  who: DECLARERS,
  where: ['group'],
  usage: '#复工 [项目]',
  help: '登记复工，自当天起恢复报送',
  action: '申报停工、复工',
  target: (ctx) => projectNamed(ctx, { naming: 'first-word', verb: '复工', example: (p) => `#复工 ${p}` }),
  run: resumeWork,
};
