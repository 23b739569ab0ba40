import { Harness } from '../support/harness';
import { computeStats } from '../../src/core/stats/stats';
import { statsInput } from '../../src/features/bulletin/source';
import { DEFAULT_THRESHOLDS } from '../../src/core/rules/warnings';

const GROUP = '化工项目工作群';
const MULTI = '汽车港口联合群';

describe('leader comments (点评)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '王区长', '李主任']);
    h.world.room(MULTI, ['李四', '赵敏', '王区长', '刘副区长', '李主任']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
  });
  afterEach(() => h.stop());

  it('stores the leader’s comment against the day’s report and shows it in the group', async () => {
    await h.say('张三', GROUP, '#日报 形象进度：38%；今日进展：顶板浇筑');
    expect(await h.say('张三', GROUP, '#点评 不错')).toEqual(['抱歉，只有精细化工中间体项目的帮包领导或管理员可以点评。']);
    expect(await h.say('王区长', GROUP, '#点评 进度不错，注意高温施工安全')).toEqual([
      '【领导点评】王区长点评精细化工中间体项目11月24日日报：进度不错，注意高温施工安全',
    ]);
    expect(h.db.prepare('SELECT project_id, date, text FROM comments').all()).toEqual([
      { project_id: 1, date: '2026-11-24', text: '进度不错，注意高温施工安全' },
    ]);
    // The rate the bulletins use: one reported project-day, commented by its leader at once.
    const input = statsInput(h.app.stores, { from: '2026-11-23', to: '2026-11-27' }, '2026-11-24', () => true, DEFAULT_THRESHOLDS);
    const wang = h.db.prepare("SELECT id FROM persons WHERE name = '王区长'").pluck().get();
    expect(computeStats(input).leaders).toEqual([{ leaderId: wang, name: '王区长', due: 1, commented: 1, rate: 1, averageDelayHours: 0 }]);
  });

  it('takes a comment in private and posts it into the project group', async () => {
    await h.say('李四', MULTI, '#日报 项目：汽车零部件；形象进度：55%');
    // 王区长 leads two projects here (精细化工 and 汽车零部件), so a private comment names its project.
    expect((await h.say('王区长', null, '#点评 很好'))[0]).toContain('请写明点评哪个项目');
    const replies = await h.say('王区长', null, '#点评 汽车零部件 吊装注意安全');
    expect(replies).toContain('已点评汽车零部件智能制造项目11月24日日报，并已转发到项目群。');
    expect(h.world.sent.find((s) => s.room === MULTI && s.text.startsWith('【领导点评】'))?.text).toBe(
      '【领导点评】王区长点评汽车零部件智能制造项目11月24日日报：吊装注意安全',
    );
  });

  it('prompts leaders at 20:30 with the day’s reports, and nudges once after three uncommented workdays', async () => {
    const days = ['2026-11-24', '2026-11-25', '2026-11-26'];
    for (const d of days) {
      h.clock.set(`${d}T10:00:00+08:00`);
      await h.say('张三', GROUP, '#日报 形象进度：38%；今日进展：顶板浇筑');
      h.clock.set(`${d}T20:30:00+08:00`);
      await h.app.scheduler.tick();
      await h.app.sender.drain();
    }
    const prompts = h.world.sent.filter((s) => s.text.includes('【点评提醒】'));
    expect(prompts).toHaveLength(3);
    expect(prompts[0]).toMatchObject({ room: GROUP, mentions: ['王区长'] });
    expect(prompts[0]!.text).toContain('· 精细化工中间体项目：形象进度 38%');
    const nudges = h.world.sent.filter((s) => s.to === '王区长');
    expect(nudges).toHaveLength(1);
    expect(nudges[0]!.text).toContain('已连续 3 个工作日没有点评');
  });
});
