import type { Handler } from '../context';
import { dayLabel } from '../format';
import { requireGroup } from '../guards';

/** #未报: the group's projects with no report today. */
export const unreported: Handler = (ctx) => {
  if (!requireGroup(ctx)) return 'command';
  const reported = ctx.s.reports.projectIdsReportedOn(ctx.today);
  const missing = ctx.groupProjects().filter((p) => !reported.has(p.id));
  ctx.reply(
    missing.length
      ? `${dayLabel(ctx.today)}尚未报送日报的项目（${missing.length} 个）：\n${missing.map((p) => `· ${p.name}`).join('\n')}`
      : `${dayLabel(ctx.today)}本群项目均已报送日报。`,
  );
  return 'command';
};
