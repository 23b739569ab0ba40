import type { Ctx, Handler } from '../context';
import type { Role } from '../../domain/people';
import { matchProject } from '../../core/report/match';
import { requireAdmin, requireGroup } from '../guards';
import { jobByLabel } from '../../schedule/jobs';
import { describeThresholds, setThreshold, describeHonourRules, setHonourRule } from '../../features/rule-settings';

const ROLES: Record<string, Role> = { 联络员: 'liaison', 领导: 'leader', 帮包领导: 'leader' };
const USAGE = '用法：#设置 联络员 @某人　#设置 领导 @某人　#设置 管理员 @某人（本群有多个项目时可写：#设置 联络员 项目名 @某人）　#设置 调度群　#设置 提醒 16:30　#设置 预警 滞后黄 15　#设置 通报 批评报送率 85';

/** The people @-mentioned in the command, as our persons. */
function mentioned(ctx: Ctx): { id: number; name: string }[] {
  return ctx.m.mentions.map((c) => ctx.s.people.see(c.id, c.name, ctx.now, ctx.settings.admins));
}

/** #设置 调度群: this group receives the daily board and the bulletins. */
function setDispatch(ctx: Ctx): 'command' {
  if (!ctx.m.roomId) {
    ctx.reply('请在调度群里发送 #设置 调度群。');
    return 'command';
  }
  const group = ctx.group ?? ctx.s.groups.ensure(ctx.m.roomId, ctx.m.roomTopic ?? '', ctx.now);
  ctx.s.groups.setDispatch(group.id, true);
  ctx.s.groups.noteMember(group.id, ctx.person.id);
  ctx.reply('已将本群设为调度群：每个工作日晚间在此发布日晒榜。');
  return 'command';
}

/** #设置 预警 [名称 数值]: shows or changes a warning threshold. */
function setWarning(ctx: Ctx, rest: string[]): 'command' {
  const [name, value] = rest;
  ctx.reply(name && value ? setThreshold(ctx.s.settings, name, value, ctx.person.name, ctx.now).message : describeThresholds(ctx.s.settings));
  return 'command';
}

/** #设置 通报 [名称 数值]: shows or changes a rule of the bulletin's commendations and criticisms. */
function setHonours(ctx: Ctx, rest: string[]): 'command' {
  const [name, value] = rest;
  ctx.reply(name && value ? setHonourRule(ctx.s.settings, name, value, ctx.person.name, ctx.now).message : describeHonourRules(ctx.s.settings));
  return 'command';
}

/** #设置 …: an admin names a group's liaison or leader, or another admin. */
export const set: Handler = (ctx) => {
  if (!requireAdmin(ctx)) return 'command';
  // Mentions arrive in the text as "@name" followed by a (narrow) space; the identities come from the mention list.
  const words = ctx.args.replace(/@\S+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const [what, ...rest] = words;
  if (what === '调度群') return setDispatch(ctx);
  // 预警 names both the thresholds and the 9:00 job: a time goes to the job.
  if (what === '预警' && !(rest.length === 1 && /[:：]/.test(rest[0]!))) return setWarning(ctx, rest);
  if (what === '通报') return setHonours(ctx, rest);
  if (what && ctx.services.schedule && jobByLabel(what)) {
    ctx.reply(ctx.services.schedule.setTime(what, rest.join(' '), ctx.person.name, ctx.now).message);
    return 'command';
  }
  const people = mentioned(ctx);
  if (!what || !people.length) {
    ctx.reply(USAGE);
    return 'command';
  }
  const log = ctx.s.settings;
  if (what === '管理员') {
    for (const p of people) {
      if (!ctx.s.people.get(p.id)?.isAdmin) log.record(`admin:${p.name}`, '否', '是', ctx.person.name, ctx.now);
      ctx.s.people.setAdmin(p.id, true);
    }
    ctx.reply(`已设为管理员：${people.map((p) => p.name).join('、')}。`);
    return 'command';
  }
  const role = ROLES[what];
  const group = role && requireGroup(ctx);
  if (!role || !group) {
    if (!role) ctx.reply(USAGE);
    return 'command';
  }
  let projects = ctx.groupProjects();
  if (rest.length) {
    const found = matchProject(rest.join(''), projects);
    if (found.kind !== 'match') {
      ctx.reply(`本群没有项目「${rest.join('')}」。本群项目：${projects.map((p) => p.name).join('、')}`);
      return 'command';
    }
    projects = [found.project];
  }
  if (!projects.length) {
    ctx.reply('本群尚未绑定项目，请先发送 #绑定 项目名。');
    return 'command';
  }
  const names = people.map((x) => x.name).join('、');
  for (const p of projects) {
    const before = ctx.s.people.holders(p.id, role).map((x) => x.name).join('、');
    ctx.s.people.assignRole(p.id, role, people.map((x) => x.id), ctx.person.id, ctx.now);
    log.record(`role:${p.name}:${what}`, before || null, names, ctx.person.name, ctx.now);
  }
  for (const x of people) ctx.s.groups.noteMember(group.id, x.id);
  ctx.reply(`已设置${what}：${people.map((p) => p.name).join('、')}（${projects.map((p) => p.name).join('、')}）。`);
  return 'command';
};
