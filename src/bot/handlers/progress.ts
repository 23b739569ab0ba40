import type { Handler } from '../context';
import type { CommandDef } from '../command';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';
import { dayLabel, reportFigures } from '../../text/format';

const TREND_DAYS = 7;

/** #进度 [项目]: the latest report and the recent trend of progress. */
const progress: Handler = (ctx) => {
  const pick = resolveProject(ctx, ctx.args, WHOLE_ARGS);
  if (pick.kind !== 'found' && pick.kind !== 'all') {
    ctx.reply(projectRefusal(ctx, pick, WHOLE_ARGS));
    return 'command';
  }
  const targets = pick.kind === 'all' ? pick.projects : [pick.project];
  const blocks = targets.map((p) => {
    const recent = ctx.s.reports.recentFor(p.id, TREND_DAYS);
    const latest = recent[0];
    const stopped = ctx.s.stoppages.on(p.id, ctx.today);
    const mark = stopped ? `【停工：${stopped.reason}】` : '';
    if (!latest) return `${p.name}${mark}：暂无日报。`;
    const trend = recent
      .filter((r) => r.progressPercent !== null)
      .reverse()
      .map((r) => `${r.progressPercent}%`)
      .join('→');
    const lines = [`${p.name}${mark}（${dayLabel(latest.date)}）：${reportFigures({ ...latest, project: p.name })}`];
    if (latest.todayWork) lines.push(`今日进展：${latest.todayWork}`);
    if (latest.problems.length) lines.push(`存在问题：${latest.problems.join('；')}`);
    if (trend) lines.push(`近${TREND_DAYS}次进度：${trend}`);
    return lines.join('\n');
  });
  ctx.reply(blocks.join('\n\n'));
  return 'command';
};

export const progressCommand: CommandDef = {
  name: '进度',
  who: 'anyone',
  where: ['group'],
  usage: '#进度 [项目]',
  help: `查看最近一份日报和近 ${TREND_DAYS} 次进度`,
  run: progress,
};
