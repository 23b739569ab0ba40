import type { Handler } from './context';
import { help } from './handlers/help';
import { template } from './handlers/template';
import { progress } from './handlers/progress';
import { unreported } from './handlers/unreported';
import { bind, unbind } from './handlers/bind';
import { set } from './handlers/set';
import { report } from './handlers/report';
import { photo } from './handlers/photo';
import { pause, resume, schedule } from './handlers/schedule';
import { resumeWork, stop } from './handlers/stoppage';
import { comment } from './handlers/comment';
import { closeProblem, problems } from './handlers/problems';

export interface Route {
  handler: Handler;
  args: string;
}

const COMMANDS: ReadonlyMap<string, Handler> = new Map([
  ['帮助', help],
  ['模板', template],
  ['进度', progress],
  ['未报', unreported],
  ['绑定', bind],
  ['解绑', unbind],
  ['设置', set],
  ['日程', schedule],
  ['暂停', pause],
  ['恢复', resume],
  ['停工', stop],
  ['复工', resumeWork],
  ['点评', comment],
  ['问题', problems],
  ['销号', closeProblem],
]);

const unknown: Handler = (ctx) => {
  ctx.reply(`未识别的指令「#${ctx.args}」。发送 #帮助 查看可用指令。`);
  return 'command';
};

const COMMAND = /^[#＃]\s*([^\s#＃@]+)\s*([\s\S]*)$/;

/** Picks the handler for a message: a `#` command, a photo, or else a candidate report. */
export function route(kind: 'text' | 'image' | 'other', text: string): Route | null {
  if (kind === 'image') return { handler: photo, args: '' };
  if (kind !== 'text') return null;
  const m = COMMAND.exec(text.trim());
  if (!m) return { handler: report, args: '' };
  const [, name = '', args = ''] = m;
  // "#日报" and friends are reports, not commands.
  if (name.startsWith('日报')) return { handler: report, args: '' };
  const handler = COMMANDS.get(name);
  return handler ? { handler, args: args.trim() } : { handler: unknown, args: name };
}

/** Commands honoured in a group the bot does not serve yet: binding it, or making it the dispatch group. */
export function isSetupCommand(text: string): boolean {
  const m = COMMAND.exec(text.trim());
  return m?.[1] === '绑定' || (m?.[1] === '设置' && m[2]?.trim() === '调度群');
}
