import type { Ctx, Handler } from '../context';
import type { Role } from '../../domain/people';
import type { CommandDef, SubcommandDef } from '../command';
import { ANYWHERE } from '../command';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';
import { ensureGroup, theGroup } from '../guards';
import { jobByLabel } from '../../schedule/jobs';
import { describeThresholds, setThreshold, describeHonourRules, setHonourRule } from '../../features/rule-settings';

const ROLES: Record<string, Role> = { 联络员: 'liaison', 领导: 'leader', 帮包领导: 'leader' };

/** A subcommand's words, its own first (see pickSubcommand). */
const words = (ctx: Ctx): string[] => ctx.args.split(' ').filter(Boolean);

/** The people @-mentioned in the command, as our persons. */
function mentioned(ctx: Ctx): { id: number; name: string }[] {
  return ctx.m.mentions.map((c) => ctx.s.people.see(c.id, c.name, ctx.now, ctx.settings.admins));
}

/** #设置 联络员|领导 [项目] @某人: names the role holders of the group's projects, or of the one named. */
const assignRole =
  (usage: string): Handler =>
  (ctx) => {
    const [what = '', ...rest] = words(ctx);
    const role = ROLES[what]!;
    const people = mentioned(ctx);
    if (!people.length) {
      ctx.reply(`用法：${usage}`);
      return 'command';
    }
    const group = theGroup(ctx);
    const pick = resolveProject(ctx, rest.join(''), WHOLE_ARGS);
    if (pick.kind !== 'found' && pick.kind !== 'all') {
      ctx.reply(projectRefusal(ctx, pick, WHOLE_ARGS));
      return 'command';
    }
    const projects = pick.kind === 'all' ? pick.projects : [pick.project];
    const names = people.map((x) => x.name).join('、');
    for (const p of projects) {
      const before = ctx.s.people.holders(p.id, role).map((x) => x.name).join('、');
      ctx.s.people.assignRole(p.id, role, people.map((x) => x.id), ctx.person.id, ctx.now);
      ctx.s.settings.record(`role:${p.name}:${what}`, before || null, names, ctx.person.name, ctx.now);
    }
    for (const x of people) ctx.s.groups.noteMember(group.id, x.id);
    ctx.reply(`已设置${what}：${names}（${projects.map((p) => p.name).join('、')}）。`);
    return 'command';
  };

/** #设置 管理员 @某人 */
const addAdmin: Handler = (ctx) => {
  const people = mentioned(ctx);
  if (!people.length) {
    ctx.reply(`用法：${ADMIN.usage}`);
    return 'command';
  }
  for (const p of people) {
    if (!ctx.s.people.get(p.id)?.isAdmin) ctx.s.settings.record(`admin:${p.name}`, '否', '是', ctx.person.name, ctx.now);
    ctx.s.people.setAdmin(p.id, true);
  }
  ctx.reply(`已设为管理员：${people.map((p) => p.name).join('、')}。`);
  return 'command';
};

/** #设置 调度群: this group receives the daily board and the bulletins. */
const setDispatch: Handler = (ctx) => {
  const group = ensureGroup(ctx);
  ctx.s.groups.setDispatch(group.id, true);
  ctx.s.groups.noteMember(group.id, ctx.person.id);
  ctx.reply('已将本群设为调度群：每个工作日晚间在此发布日晒榜。');
  return 'command';
};

/** #设置 提醒 16:30: a job's time. */
const setJobTime: Handler = (ctx) => {
  if (!ctx.services.schedule) {
    ctx.reply('日程功能未启用。');
    return 'command';
  }
  const [what = '', ...rest] = words(ctx);
  ctx.reply(ctx.services.schedule.setTime(what, rest.join(' '), ctx.person.name, ctx.now).message);
  return 'command';
};

/** #设置 预警 [名称 数值]: shows or changes a warning threshold. */
const setWarning: Handler = (ctx) => {
  const [, name, value] = words(ctx);
  ctx.reply(name && value ? setThreshold(ctx.s.settings, name, value, ctx.person.name, ctx.now).message : describeThresholds(ctx.s.settings));
  return 'command';
};

/** #设置 通报 [名称 数值]: shows or changes a rule of the bulletin's commendations and criticisms. */
const setHonours: Handler = (ctx) => {
  const [, name, value] = words(ctx);
  ctx.reply(name && value ? setHonourRule(ctx.s.settings, name, value, ctx.person.name, ctx.now).message : describeHonourRules(ctx.s.settings));
  return 'command';
};

const LIAISON_USAGE = '#设置 联络员 [项目] @某人';
const LEADER_USAGE = '#设置 领导 [项目] @某人';

const ADMIN: SubcommandDef = { name: '管理员', who: 'admin', where: ANYWHERE, usage: '#设置 管理员 @某人', help: '增加管理员', run: addAdmin };

// Order matters: 预警 with a lone time is the 9:00 job, so the thresholds come before the jobs.
const SUBCOMMANDS: readonly SubcommandDef[] = [
  { name: '联络员', who: 'admin', where: ['group'], usage: LIAISON_USAGE, help: '指定本群项目的联络员（本群有多个项目时可写项目名）', run: assignRole(LIAISON_USAGE) },
  { name: '领导', aliases: ['帮包领导'], who: 'admin', where: ['group'], usage: LEADER_USAGE, help: '指定本群项目的帮包领导', run: assignRole(LEADER_USAGE) },
  ADMIN,
  {
    name: '调度群',
    who: 'admin',
    where: ['group', 'dispatch', 'unbound'],
    elsewhere: '请在调度群里发送 #设置 调度群。',
    usage: '#设置 调度群',
    help: '在调度群里发送，日晒榜和通报发到这里',
    run: setDispatch,
  },
  {
    name: '预警',
    who: 'admin',
    where: ANYWHERE,
    matches: (word, rest) => word === '预警' && !(rest.length === 1 && /[:：]/.test(rest[0]!)),
    usage: '#设置 预警',
    help: '查看预警阈值；修改如 #设置 预警 滞后黄 15',
    run: setWarning,
  },
  { name: '通报', who: 'admin', where: ANYWHERE, usage: '#设置 通报', help: '查看月通报表扬、批评规则；修改如 #设置 通报 批评报送率 85', run: setHonours },
  {
    name: '日程名',
    who: 'admin',
    where: ANYWHERE,
    matches: (word) => !!jobByLabel(word),
    usage: '#设置 日程名 时间',
    help: '修改日程时间，如 #设置 提醒 16:30、#设置 周调度 周一 9:00',
    run: setJobTime,
  },
];

/** #设置 alone, or with a word no subcommand takes: how to write each. */
const usage: Handler = (ctx) => {
  ctx.reply(`用法：${SUBCOMMANDS.map((s) => s.usage).join('　')}`);
  return 'command';
};

export const setCommand: CommandDef = {
  name: '设置',
  who: 'admin',
  where: ANYWHERE,
  usage: '#设置 …',
  help: '指定联络员、帮包领导、管理员，设置调度群、日程时间、预警阈值和通报规则',
  subcommands: SUBCOMMANDS,
  run: usage,
};
