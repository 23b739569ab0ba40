import type { Handler } from '../context';
import { dayLabel } from '../../text/format';
import { requireGroup, requireProjects } from '../guards';
import { unreported as missingOn } from '../../core/rules/reporting';

/** #未报: the group's projects with no report today. */
export const unreported: Handler = (ctx) => {
  if (!requireGroup(ctx)) return 'command';
  const projects = requireProjects(ctx);
  if (!projects) return 'command';
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
