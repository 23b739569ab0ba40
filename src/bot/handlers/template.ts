import type { Handler } from '../context';
import { reportTemplate } from '../../text/format';

/** #模板: the report template, pre-filled with the group's project(s). */
export const template: Handler = (ctx) => {
  const projects = ctx.groupProjects();
  const names = projects.length ? projects.map((p) => p.name) : ['（项目名称）'];
  const intro = names.length > 1 ? '本群有多个项目，请每个项目单独发送一条日报：\n\n' : '';
  ctx.reply(intro + reportTemplate(names[0]!));
  return 'command';
};
