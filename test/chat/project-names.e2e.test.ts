import { Harness } from '../support/harness';

const MULTI = '化工港口联合群';
const DISPATCH = '全区重点项目调度群';
const BOTH = '精细化工中间体项目、港口物流仓储中心';

describe('which project a command means (resolveProject)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(MULTI, ['张三', '赵敏', '王区长', '李主任']);
    h.world.room(DISPATCH, ['李主任', '王区长']);
    await h.say('李主任', MULTI, `#绑定 ${BOTH}`);
    await h.say('李主任', DISPATCH, '#设置 调度群');
  });
  afterEach(() => h.stop());

  it('answers each case in one wording, whichever command asked', async () => {
    // Several projects and none named.
    expect(await h.say('张三', MULTI, '#停工 环保管控')).toEqual([`请写明停工哪个项目，例如：#停工 精细化工中间体项目 环保管控。本群项目：${BOTH}`]);
    // A name that fits two of them, as the first word or as the whole args.
    const ambiguous = `「中」可能是：${BOTH}，请写全称。`;
    expect(await h.say('张三', MULTI, '#停工 中 环保管控')).toEqual([ambiguous]);
    expect(await h.say('张三', MULTI, '#进度 中')).toEqual([ambiguous]);
    expect(await h.say('李主任', MULTI, '#设置 联络员 中 @张三')).toEqual([ambiguous]);
    // A project of the registry, but not of this group.
    const unknown = `本群没有项目「汽车零部件」。本群项目：${BOTH}`;
    expect(await h.say('张三', MULTI, '#进度 汽车零部件')).toEqual([unknown]);
    expect(await h.say('李主任', MULTI, '#解绑 汽车零部件')).toEqual([unknown]);
  });

  it('checks the right on the project it found, not on the group', async () => {
    // 张三 is the liaison of 精细化工 only; 赵敏 of 港口物流.
    expect(await h.say('张三', MULTI, '#停工 港口 土方外运受限')).toEqual(['抱歉，只有港口物流仓储中心的联络员、帮包领导或管理员可以申报停工、复工。']);
    expect(await h.say('赵敏', MULTI, '#停工 港口 土方外运受限')).toEqual([
      '已登记停工：港口物流仓储中心，原因：土方外运受限，自11月24日起，复工时请发送 #复工。停工期间不计未报。',
    ]);
  });

  it('looks outside a project group among the asker’s own projects', async () => {
    expect(await h.say('路人乙', null, '#点评 不错')).toEqual(['您目前没有帮包的项目可以点评。']);
    // An admin may comment on any project, so must name one.
    expect((await h.say('李主任', null, '#点评 不错'))[0]).toMatch(/^请写明点评哪个项目，例如：#点评 \S+ 进度不错，注意安全。可点评：/);
    // The dispatch group has no projects of its own: a project command is not for there.
    expect(await h.say('李主任', DISPATCH, '#停工 环保管控')).toEqual(['本群没有绑定项目（调度群）。各项目报送情况见每晚日晒榜，全区问题可发送 #问题 全部。']);
  });
});
