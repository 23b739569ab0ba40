export const HELP_COMMAND = { usage: '#帮助', help: '说明和您可用的指令' } as const;

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

export interface CommandLine {
  usage: string;
  help: string;
}

export interface HelpFacts {
  /** The group's projects the asker is the liaison of, and those they lead. */
  liaisonOf: readonly string[];
  leaderOf: readonly string[];
  /** The commands the asker may use; admins' listed apart. */
  commands: readonly CommandLine[];
  adminCommands: readonly CommandLine[];
}

const line = (d: CommandLine) => `${d.usage}　${d.help}`;

/** #帮助: what the bot does, the asker's roles here, and the commands they may use. */
export function helpText(h: HelpFacts): string {
  const lines = ['日晒（重点项目日报助手）', ''];
  if (h.liaisonOf.length) lines.push(`您是 ${h.liaisonOf.join('、')} 的联络员，请每个工作日在本群报送日报。`, '');
  if (h.leaderOf.length) lines.push(`您是 ${h.leaderOf.join('、')} 的帮包领导。`, '');
  lines.push(...REPORTING, '', ...h.commands.map(line));
  if (h.adminCommands.length) lines.push('', '管理指令（仅管理员）：', ...h.adminCommands.map(line));
  return lines.join('\n');
}

export function unknownCommand(name: string): string {
  return `未识别的指令「#${name}」。发送 #帮助 查看可用指令。`;
}
