import path from 'node:path';
import type { Handler } from '../context';
import { shanghaiIso } from '../../time/clock';
import { roleHolders } from '../../features/roles';

/**
 * A site photo: when the person who reported, or a liaison of that project, posts it shortly after
 * a report in the same group, it is saved under the media folder and linked to that report.
 */
export const photo: Handler = async (ctx) => {
  const group = ctx.group;
  if (!group || !ctx.m.saveFile) return 'chatter';
  const since = new Date(ctx.now.getTime() - ctx.settings.photoWindowMinutes * 60_000);
  const latest = ctx.s.reports.latestInGroupSince(group.id, shanghaiIso(since));
  if (!latest) return 'chatter';
  const byReporter = latest.personId === ctx.person.id;
  const project = ctx.s.projects.byIds([latest.projectId])[0];
  const byLiaison = !!project && roleHolders(ctx.s, project, 'liaison', group.id).some((p) => p.id === ctx.person.id);
  if (!byReporter && !byLiaison) return 'chatter';
  const dir = path.join(ctx.settings.mediaDir, latest.date);
  const file = await ctx.m.saveFile(dir, `${latest.projectId}-${latest.id}-${ctx.messageId}`);
  ctx.s.media.link(latest.id, ctx.messageId, file, ctx.now);
  return 'photo';
};
