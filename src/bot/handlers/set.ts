import type { Ctx, Handler } from '../context';
import type { Role } from '../../domain/people';
import type { CommandDef, SubcommandDef } from '../command';
import { ANYWHERE } from '../command';
import { WHOLE_ARGS, projectRefusal, resolveProject } from '../project';
import { ensureGroup, theGroup } from '../guards';
import { jobByLabel } from '../../schedule/jobs';
import { describeThresholds, setThreshold, describeHonourRules, setHonourRule } from '../../features/rule-settings';
import { DISPATCH_SET, SET_COMMAND, SET_SUBCOMMANDS as TEXT, adminsAdded, rolesAssigned, usageReply, yesNo } from '../../text/settings';
import { SCHEDULE_OFF } from '../../text/schedule';

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
      ctx.reply(usageReply([usage]));
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
    ctx.reply(rolesAssigned(what, people.map((x) => x.name), projects.map((p) => p.name)));
    return 'command';
  };

/** #设置 管理员 @某人 */
const addAdmin: Handler = (ctx) => {
  const people = mentioned(ctx);
  if (!people.length) {
    ctx.reply(usageReply([ADMIN.usage]));
    return 'command';
  }
  for (const p of people) {
    if (!ctx.s.people.get(p.id)?.isAdmin) ctx.s.settings.record(`admin:${p.name}`, yesNo(false), yesNo(true), ctx.person.name, ctx.now);
    ctx.s.people.setAdmin(p.id, true);
  }
  ctx.reply(adminsAdded(people.map((p) => p.name)));
  return 'command';
};

/** #设置 调度群: this group receives the daily board and the bulletins. */
const setDispatch: Handler = (ctx) => {
  const group = ensureGroup(ctx);
  ctx.s.groups.setDispatch(group.id, true);
  ctx.s.groups.noteMember(group.id, ctx.person.id);
  ctx.reply(DISPATCH_SET);
  return 'command';
};

/** #设置 提醒 16:30: a job's time. */
const setJobTime: Handler = (ctx) => {
  if (!ctx.services.schedule) {
    ctx.reply(SCHEDULE_OFF);
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

const ADMIN: SubcommandDef = { name: '管理员', who: 'admin', where: ANYWHERE, ...TEXT.admin, run: addAdmin };

// Order matters: 预警 with a lone time is the 9:00 job, so the thresholds come before the jobs.
const SUBCOMMANDS: readonly SubcommandDef[] = [
  { name: '联络员', who: 'admin', where: ['group'], ...TEXT.liaison, run: assignRole(TEXT.liaison.usage) },
  { name: '领导', aliases: ['帮包领导'], who: 'admin', where: ['group'], ...TEXT.leader, run: assignRole(TEXT.leader.usage) },
  ADMIN,
  {
    name: '调度群',
    who: 'admin',
    where: ['group', 'dispatch', 'unbound'],
    ...TEXT.dispatch,
    run: setDispatch,
  },
  {
    name: '预警',
    who: 'admin',
    where: ANYWHERE,
    matches: (word, rest) => word === '预警' && !(rest.length === 1 && /[:：]/.test(rest[0]!)),
    ...TEXT.warnings,
    run: setWarning,
  },
  { name: '通报', who: 'admin', where: ANYWHERE, ...TEXT.honours, run: setHonours },
  {
    name: '日程名',
    who: 'admin',
    where: ANYWHERE,
    matches: (word) => !!jobByLabel(word),
    ...TEXT.jobTime,
    run: setJobTime,
  },
];

/** #设置 alone, or with a word no subcommand takes: how to write each. */
const usage: Handler = (ctx) => {
  ctx.reply(usageReply(SUBCOMMANDS.map((s) => s.usage)));
  return 'command';
};

export const setCommand: CommandDef = {
  name: '设置',
  who: 'admin',
  where: ANYWHERE,
  ...SET_COMMAND,
  subcommands: SUBCOMMANDS,
  run: usage,
};
