import { Harness } from '../support/harness';
import { COMMANDS } from '../../src/bot/commands';
import type { CommandDef, ProjectRole, SubcommandDef } from '../../src/bot/command';
import { deniedOn } from '../../src/bot/guards';
import { REFUSAL } from '../../src/text/rights';

/**
 * Who may use what, as the registry declares it, against what the real bot answers: every command
 * and subcommand, said by an admin, the project's liaison and leader and a plain member in the
 * project group, and by a stranger in a private chat.
 */

const GROUP = '化工港口联合群';
const PROJECT = '精细化工中间体项目';

interface Asker {
  name: string;
  /** null: a private chat. */
  group: string | null;
  admin: boolean;
  roles: readonly ProjectRole[];
}

const ASKERS: Record<string, Asker> = {
  admin: { name: '李主任', group: GROUP, admin: true, roles: [] },
  liaison: { name: '张三', group: GROUP, admin: false, roles: ['liaison'] },
  leader: { name: '王区长', group: GROUP, admin: false, roles: ['leader'] },
  member: { name: '路人甲', group: GROUP, admin: false, roles: [] },
  'stranger in private': { name: '路人乙', group: null, admin: false, roles: [] },
};

/** One message per entry, and how its answer starts when the asker may use it. New commands need one here. */
const SAMPLES: Record<string, { say: string; ok: RegExp }> = {
  '#帮助': { say: '#帮助', ok: /^日晒（重点项目日报助手）/ },
  '#模板': { say: '#模板', ok: /项目名称：/ },
  '#确认日报 [项目]': { say: '#确认日报 精细化工', ok: /没有待确认的日报/ },
  '#进度 [项目]': { say: '#进度 精细化工', ok: /^精细化工中间体项目（11月24日）/ },
  '#未报': { say: '#未报', ok: /^11月24日尚未报送日报的项目（1 个）/ },
  '#问题 [全部]': { say: '#问题', ok: /^本群未销号问题 1 项/ },
  '#销号 编号 说明': { say: '#销号 1 已协调供电部门完成迁改', ok: /^已销号 #1 / },
  '#停工 [项目] 原因 [至 日期]': { say: '#停工 精细化工 环保管控', ok: /^已登记停工：精细化工中间体项目/ },
  '#复工 [项目]': { say: '#复工 精细化工', ok: /^已登记复工：精细化工中间体项目/ },
  '#点评 [项目] 内容': { say: '#点评 精细化工 进度不错', ok: /^【领导点评】/ },
  '#日程': { say: '#日程', ok: /^日程：/ },
  '#绑定 项目名[、项目名]': { say: '#绑定 港口物流仓储中心', ok: /^已绑定：港口物流仓储中心/ },
  '#解绑 [项目名]': { say: '#解绑 港口物流仓储中心', ok: /^已解绑：港口物流仓储中心/ },
  '#设置 联络员 [项目] @某人': { say: '#设置 联络员 精细化工 @路人甲', ok: /^已设置联络员：路人甲（精细化工中间体项目）/ },
  '#设置 领导 [项目] @某人': { say: '#设置 领导 精细化工 @路人甲', ok: /^已设置领导：路人甲（精细化工中间体项目）/ },
  '#设置 管理员 @某人': { say: '#设置 管理员 @路人甲', ok: /^已设为管理员：路人甲/ },
  '#设置 调度群': { say: '#设置 调度群', ok: /^已将本群设为调度群/ },
  '#设置 预警': { say: '#设置 预警', ok: /滞后黄：10 个百分点/ },
  '#设置 通报': { say: '#设置 通报', ok: /批评报送率：80%/ },
  '#设置 日程名 时间': { say: '#设置 提醒 16:30', ok: /^已将提醒时间由 16:00 改为 16:30/ },
  '#暂停 日程名': { say: '#暂停 日晒榜', ok: /^已暂停日晒榜/ },
  '#恢复 日程名': { say: '#恢复 日晒榜', ok: /^已恢复日晒榜/ },
};

interface Entry {
  def: CommandDef | SubcommandDef;
  parent: CommandDef | null;
}

const ENTRIES: Entry[] = COMMANDS.flatMap((c): Entry[] => ('subcommands' in c ? c.subcommands.map((def) => ({ def, parent: c })) : [{ def: c, parent: null }]));

type Outcome = 'allowed' | 'admin only' | 'wrong place' | 'not theirs';

/** The outcome the declarations promise: the command's `who` guards its subcommands, then place, then `who`. */
function declared({ def, parent }: Entry, a: Asker): Outcome {
  if (parent?.who === 'admin' && !a.admin) return 'admin only';
  if (!def.where.includes(a.group ? 'group' : 'private')) return 'wrong place';
  if (typeof def.who === 'string') return def.who === 'admin' && !a.admin ? 'admin only' : 'allowed';
  if (a.admin && def.who.includes('admin')) return 'allowed';
  return def.who.some((r) => a.roles.includes(r)) ? 'allowed' : 'not theirs';
}

/** What the bot's answer amounts to; anything else is shown as it was said. */
function answered({ def }: Entry, replies: string[], project: Parameters<typeof deniedOn>[1]): string {
  if (replies.length !== 1) return `${replies.length} replies: ${replies.join(' / ')}`;
  const r = replies[0]!;
  if (r === REFUSAL.adminOnly) return 'admin only';
  if (r === (def.elsewhere ?? REFUSAL.groupOnly)) return 'wrong place';
  // In private a named project is looked for among the asker's own; a stranger has none.
  if (typeof def.who !== 'string' && (r === deniedOn(def, project) || /^您目前没有\S+的项目可以/.test(r))) return 'not theirs';
  return SAMPLES[def.usage]!.ok.test(r) ? 'allowed' : r;
}

it('has a sample message for every command and subcommand', () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(ENTRIES.map((e) => e.def.usage).sort());
});

describe.each(Object.entries(ASKERS))('%s', (_, asker) => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '王区长', '李主任', '路人甲']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目、港口物流仓储中心');
    await h.say('张三', GROUP, '#日报 项目：精细化工；形象进度：38%；存在问题：高压线迁改需供电部门配合');
  });
  afterEach(() => h.stop());

  it('gets what the registry declares, for every command in turn', async () => {
    const project = h.app.stores.projects.list().find((p) => p.name === PROJECT)!;
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const e of ENTRIES) {
      want[e.def.usage] = declared(e, asker);
      got[e.def.usage] = answered(e, await h.say(asker.name, asker.group, SAMPLES[e.def.usage]!.say), project);
    }
    expect(got).toEqual(want);
    // The matrix must not be trivially one-sided.
    expect(Object.values(want)).toContain('allowed');
    if (!asker.admin) expect(Object.values(want).some((o) => o !== 'allowed')).toBe(true);
  });

  it('is shown by #帮助 the commands it may use, wherever they are said', async () => {
    const [help = ''] = await h.say(asker.name, asker.group, '#帮助');
    const listed = help.split('\n').flatMap((l) => (l.startsWith('#') && l.includes('　') ? [l.split('　')[0]!] : []));
    const inGroup = { ...asker, group: GROUP };
    const mayUse = ENTRIES.filter((e) => e.def.name !== '帮助' && declared(e, inGroup) === 'allowed').map((e) => e.def.usage);
    expect([...listed].sort()).toEqual([...mayUse].sort());
    expect(help.includes('管理指令（仅管理员）')).toBe(asker.admin);
  });
});
