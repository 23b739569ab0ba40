import type { Handler } from '../context';
import { ANYWHERE, type CommandDef } from '../command';
import { TEMPLATE_COMMAND, templateReply } from '../../text/report';

/** #模板: the report template, pre-filled with the group's project(s). */
const template: Handler = (ctx) => {
  ctx.reply(templateReply(ctx.groupProjects().map((p) => p.name)));
  return 'command';
};

export const templateCommand: CommandDef = {
  name: '模板',
  who: 'anyone',
  where: ANYWHERE,
  ...TEMPLATE_COMMAND,
  run: template,
};
