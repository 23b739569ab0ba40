import type { Handler } from '../context';
import { ANYWHERE, type CommandDef } from '../command';
import { reportTemplate } from '../../text/format';

/** #模板: the report template, pre-filled with the group's project(s). */
const template: Handler = (ctx) => {
  const projects = ctx.groupProjects();
  const names = projects.length ? projects.map((p) => p.name) : ['（项目名称）'];
  const intro = names.length > 1 ? '本群有多个项目，请每个项目单独发送一条日报：\n\n' : '';
  ctx.reply(intro + reportTemplate(names[0]!));
  return 'command';
};

export const templateCommand: CommandDef = {
  name: '模板',
  who: 'anyone',
  where: ANYWHERE,
  usage: '#模板',
  help: '获取本群项目的日报模板',
  run: template,
};
