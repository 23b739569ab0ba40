import type { Handler } from '../context';
import type { CommandDef } from '../command';
import { UNREPORTED_COMMAND, unreportedText } from '../../text/unreported';
import { unreported as missingOn } from '../../core/rules/reporting';

/** #未报: the group's projects with no report today. */
const unreported: Handler = (ctx) => {
  const projects = ctx.groupProjects();
  const reported = ctx.s.reports.projectIdsReportedOn(ctx.today);
  const stopped = (id: number) => !!ctx.s.stoppages.on(id, ctx.today);
  const missing = missingOn(projects, reported, stopped);
  const stoppedNames = projects.filter((p) => stopped(p.id)).map((p) => p.name);
  ctx.reply(unreportedText(ctx.today, missing.map((p) => p.name), stoppedNames));
  return 'command';
};

export const unreportedCommand: CommandDef = {
  name: '未报',
  who: 'anyone',
  where: ['group'],
  ...UNREPORTED_COMMAND,
  run: unreported,
};
