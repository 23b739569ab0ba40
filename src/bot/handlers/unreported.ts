import type { Handler } from '../context';
import type { CommandDef } from '../command';
import { dayLabel } from '../../text/format';
import { unreported as missingOn } from '../../core/rules/reporting';

/** #未报: the group's projects with no report today. */
const unreported: Handler = (ctx) => {
  const projects = ctx.groupProjects();
  const reported = ctx.s.reports.projectIdsReportedOn(ctx.today);
  const stopped = (id: number) => !!ctx.s.stoppages.on(id, ctx.today);
  const missing = missingOn(projects, reported, stopped);
  const stoppedNames = projects.filter((p) => stopped(p.id)).map((p) => p.name);
  const note = stoppedNames.length ? `\n停工中（不计未报）：${stoppedNames.join('、')}` : '';
  ctx.reply(
    (missing.length
      ? `${dayLabel(ctx.today)}尚未报送日报的项目（${missing.length} 个）：\n${missing.map((p) => `· ${p.name}`).join('\n')}`
      : `${dayLabel(ctx.today)}本群应报项目均已报送日报。`) + note,
  );
  return 'command';
};

export const unreportedCommand: CommandDef = {
  name: '未报',
  who: 'anyone',
  where: ['group'],
  usage: '#未报',
  help: '查看本群今天还没报日报的项目',
  run: unreported,
};
