import type { Ctx, Handler } from '../context';
import { ANYWHERE, type CommandDef, type LeafDef } from '../command';
import { mayUse } from '../guards';
import { roleHolders } from '../../features/roles';

const REPORTING = [
  '发送日报：以 #日报 开头，每行一项，例如：',
  '#日报',
  '形象进度：38%（主体施工）',
  '今日进展：二层顶板浇筑',
  '施工人数：64人',
  '累计完成投资：1.42亿元',
  '存在问题：无',
  '同一天再次发送会覆盖当天日报（保留历史版本）；日报后发送的现场照片会自动关联。',
];

const line = (d: { usage: string; help: string }) => `${d.usage}　${d.help}`;

/** The commands the asker may use, a parent's as its subcommands; #帮助 itself goes without saying. */
function usable(ctx: Ctx, all: readonly CommandDef[]): LeafDef[] {
  return all.flatMap((d): LeafDef[] => {
    if (d.name === HELP || !mayUse(ctx, d)) return [];
    return 'subcommands' in d ? d.subcommands.filter((s) => mayUse(ctx, s)) : [d];
  });
}

const HELP = '帮助';

/** #帮助: what the bot does, and the commands the asker may use; admins see the admin commands apart. */
export function helpCommand(registry: () => readonly CommandDef[]): CommandDef {
  const help: Handler = (ctx) => {
    const lines = ['日晒（重点项目日报助手）', ''];
    for (const role of ['liaison', 'leader'] as const) {
      const mine = ctx.groupProjects().filter((p) => roleHolders(ctx.s, p, role, ctx.group?.id ?? null).some((x) => x.id === ctx.person.id));
      if (mine.length) lines.push(`您是 ${mine.map((p) => p.name).join('、')} 的${role === 'liaison' ? '联络员，请每个工作日在本群报送日报' : '帮包领导'}。`, '');
    }
    const commands = usable(ctx, registry());
    const forAdmins = commands.filter((d) => d.who === 'admin');
    lines.push(...REPORTING, '', ...commands.filter((d) => d.who !== 'admin').map(line));
    if (forAdmins.length) lines.push('', '管理指令（仅管理员）：', ...forAdmins.map(line));
    ctx.reply(lines.join('\n'));
    return 'command';
  };
  return { name: HELP, who: 'anyone', where: ANYWHERE, usage: '#帮助', help: '说明和您可用的指令', run: help };
}
