import { Harness } from '../support/harness';

const GROUP = '化工项目工作群';

describe('#停工 and #复工', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '王区长', '李主任', '路人甲']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
  });
  afterEach(() => h.stop());

  it('lets the liaison declare a stoppage, which takes the project off the missing list until 复工', async () => {
    expect(await h.say('路人甲', GROUP, '#停工 环保管控')).toEqual(['抱歉，只有精细化工中间体项目的联络员、帮包领导或管理员可以申报停工、复工。']);
    expect(await h.say('张三', GROUP, '#停工 环保管控 至 12月5日')).toEqual([
      '已登记停工：精细化工中间体项目，原因：环保管控，自11月24日起至12月5日。停工期间不计未报。',
    ]);
    expect((await h.say('张三', GROUP, '#未报'))[0]).toBe('11月24日本群应报项目均已报送日报。\n停工中（不计未报）：精细化工中间体项目');
    expect((await h.say('张三', GROUP, '#停工 又停了'))[0]).toContain('已在停工中');
    expect((await h.say('张三', GROUP, '#进度'))[0]).toBe('精细化工中间体项目【停工：环保管控】：暂无日报。');

    h.clock.set('2026-11-26T10:00:00+08:00');
    expect(await h.say('王区长', GROUP, '#复工')).toEqual(['已登记复工：精细化工中间体项目，停工 2 天。请自今天起恢复报送日报。']);
    expect((await h.say('张三', GROUP, '#未报'))[0]).toContain('· 精细化工中间体项目');
  });

  it('ends by itself after the date given, and refuses a date it cannot read', async () => {
    expect((await h.say('张三', GROUP, '#停工 冬季停工 至 下个月'))[0]).toContain('看不懂');
    expect((await h.say('张三', GROUP, '#停工 材料运输受阻至今'))[0]).toBe('已登记停工：精细化工中间体项目，原因：材料运输受阻至今，自11月24日起，复工时请发送 #复工。停工期间不计未报。');
    await h.say('张三', GROUP, '#复工');
    await h.say('张三', GROUP, '#停工 冬季停工 至 11月25日');
    h.clock.set('2026-11-26T10:00:00+08:00');
    expect((await h.say('张三', GROUP, '#未报'))[0]).toContain('· 精细化工中间体项目');
  });
});
