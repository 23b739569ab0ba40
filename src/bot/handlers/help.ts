import type { Handler } from '../context';
import { ANYWHERE, type CommandDef } from '../command';
import { roleHolders } from '../../features/roles';

const STAFF = [
  '发送日报：以 #日报 开头，每行一项，例如：',
  '#日报',
  '形象进度：38%（主体施工）',
  '今日进展：二层顶板浇筑',
  '施工人数：64人',
  '累计完成投资：1.42亿元',
  '存在问题：无',
  '',
  '#模板 获取填写模板　#进度 查看最近进度　#未报 今日未报项目',
  '#问题 本群未销号问题　#销号 编号 说明 问题解决后销号（帮包领导、联络员或管理员）',
  '#停工 原因 [至 日期] / #复工 登记停工、复工　#点评 内容 领导点评日报',
  '同一天再次发送会覆盖当天日报（保留历史版本）；日报后发送的现场照片会自动关联。',
];

const ADMIN = [
  '',
  '管理指令（仅管理员）：',
  '#绑定 项目名　将本群绑定到项目（可多个，用、分隔）',
  '#解绑 [项目名]　解除绑定（不写项目名则全部解除）',
  '#设置 联络员 @某人　#设置 领导 @某人　#设置 管理员 @某人',
  '#设置 调度群　在调度群里发送，日晒榜和通报发到这里',
  '#日程　查看日程；#设置 提醒 16:30　#设置 周调度 周一 9:00　#暂停 日晒榜　#恢复 日晒榜',
  '#设置 预警　查看预警阈值；#设置 预警 滞后黄 15',
  '#设置 通报　查看月通报表扬、批评规则；#设置 通报 批评报送率 85',
];

/** #帮助: what the bot does, tailored to the asker. */
const help: Handler = (ctx) => {
  const lines = ['日晒（重点项目日报助手）', ''];
  for (const role of ['liaison', 'leader'] as const) {
    const mine = ctx.groupProjects().filter((p) => roleHolders(ctx.s, p, role, ctx.group?.id ?? null).some((x) => x.id === ctx.person.id));
    if (mine.length) lines.push(`您是 ${mine.map((p) => p.name).join('、')} 的${role === 'liaison' ? '联络员，请每个工作日在本群报送日报' : '帮包领导'}。`, '');
  }
  lines.push(...STAFF);
  if (ctx.person.isAdmin) lines.push(...ADMIN);
  ctx.reply(lines.join('\n'));
  return 'command';
};

export const helpCommand: CommandDef = {
  name: '帮助',
  who: 'anyone',
  where: ANYWHERE,
  usage: '#帮助',
  help: '说明和您可用的指令',
  run: help,
};
