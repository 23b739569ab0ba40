import type { Handler } from '../context';
import type { CommandDef } from '../command';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';
import { progressCommandText, progressText } from '../../text/progress';

const TREND_DAYS = 7;

/** #进度 [项目]: the latest report and the recent trend of progress. */
const progress: Handler = (ctx) => {
  const pick = resolveProject(ctx, ctx.args, WHOLE_ARGS);
  if (pick.kind !== 'found' && pick.kind !== 'all') {
    ctx.reply(projectRefusal(ctx, pick, WHOLE_ARGS));
    return 'command';
  }
  const targets = pick.kind === 'all' ? pick.projects : [pick.project];
  const projects = targets.map((p) => {
    const recent = ctx.s.reports.recentFor(p.id, TREND_DAYS);
    const trend = recent.flatMap((r) => (r.progressPercent !== null ? [r.progressPercent] : [])).reverse();
    return { project: p.name, stopped: ctx.s.stoppages.on(p.id, ctx.today)?.reason ?? null, latest: recent[0] ?? null, trend };
  });
  ctx.reply(progressText(projects, TREND_DAYS));
  return 'command';
};

export const progressCommand: CommandDef = {
  name: '进度',
  who: 'anyone',
  where: ['group'],
  ...progressCommandText(TREND_DAYS),
  run: progress,
};
