import { Harness } from '../support/harness';
import { problemsJob } from '../../src/jobs/problems';
import { jobByLabel } from '../../src/schedule/jobs';
import { shanghaiDate, shanghaiIso } from '../../src/time/clock';

const GROUP = '化工项目工作群';
const MULTI = '汽车港口联合群';
const DISPATCH = '全区重点项目调度群';

const report = (problems: string) => `#日报\n形象进度：38%\n今日进展：综合楼二层顶板浇筑\n存在问题：${problems}`;

describe('problem tracking (问题跟踪)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-10T10:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '王区长', '李主任', '路人甲']);
    h.world.room(MULTI, ['李四', '赵敏', '王区长', '刘副区长', '李主任']);
    h.world.room(DISPATCH, ['李主任', '王区长']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
    await h.say('李主任', DISPATCH, '#设置 调度群');
  });
  afterEach(() => h.stop());

  const at = (day: string, time = '10:00') => h.clock.set(`${day}T${time}:00+08:00`);
  const items = () => h.db.prepare('SELECT id, project_id, text, first_date, last_date, status FROM problems ORDER BY id').all();
  const appearances = (id: number) => h.db.prepare('SELECT COUNT(*) FROM problem_reports WHERE problem_id = ?').pluck().get(id);

  it('keeps a problem copied from day to day as one numbered item, and closes it by number', async () => {
    const [first] = await h.say('张三', GROUP, report('1、高压线迁改需供电部门配合；2、部分苗木补偿未谈妥'));
    expect(first).toContain('\n问题跟踪：新登记 #1、#2。解决后请发送 #销号 编号 说明。');

    at('2026-11-11');
    const [next] = await h.say('张三', GROUP, report('1.高压线迁改需供电部门协调配合。\n2、部分苗木补偿仍未谈妥'));
    expect(next).toContain('\n问题跟踪：持续 #1（已 1 天）、#2（已 1 天）。');
    expect(items()).toEqual([
      { id: 1, project_id: 1, text: '高压线迁改需供电部门协调配合', first_date: '2026-11-10', last_date: '2026-11-11', status: 'open' },
      { id: 2, project_id: 1, text: '部分苗木补偿仍未谈妥', first_date: '2026-11-10', last_date: '2026-11-11', status: 'open' },
    ]);
    expect(appearances(1)).toBe(2);

    expect(await h.say('路人甲', GROUP, '#问题')).toEqual([
      '精细化工中间体项目未销号问题 2 项：\n#1 高压线迁改需供电部门协调配合（已 1 天）\n#2 部分苗木补偿仍未谈妥（已 1 天）\n销号请发送：#销号 编号 说明',
    ]);
    expect(await h.say('路人甲', GROUP, '#销号 1 已解决')).toEqual(['抱歉，只有精细化工中间体项目的帮包领导、联络员（责任单位）或管理员可以销号。']);
    expect(await h.say('张三', GROUP, '#销号 1')).toEqual(['请写明销号说明，例如：#销号 1 已协调供电部门完成迁改。']);
    expect(await h.say('张三', GROUP, '#销号 ＃１ 供电部门已完成迁改')).toEqual([
      '已销号 #1 精细化工中间体项目：高压线迁改需供电部门协调配合\n说明：供电部门已完成迁改\n自11月10日提出，历时 1 天。',
    ]);
    expect(await h.say('王区长', GROUP, '#销号 1 已完成')).toEqual(['#1 已于11月11日由张三销号（供电部门已完成迁改），无需重复销号。']);
    expect(await h.say('王区长', GROUP, '#销号 99 已完成')).toEqual(['没有编号为 99 的问题，请发送 #问题 核对编号。']);
    expect(h.db.prepare("SELECT p.name, pr.close_note FROM problems pr JOIN persons p ON p.id = pr.closed_by WHERE pr.id = 1").get()).toEqual({
      name: '张三',
      close_note: '供电部门已完成迁改',
    });

    // The leader may close privately; the project group is told.
    const before = h.world.sent.length;
    await h.say('王区长', null, '#销号 2 补偿协议已签订');
    expect(h.world.sent.slice(before)).toEqual([
      expect.objectContaining({ room: GROUP, text: '【问题销号】王区长已销号 #2 精细化工中间体项目：部分苗木补偿仍未谈妥\n说明：补偿协议已签订' }),
      expect.objectContaining({ to: '王区长', text: '已销号 #2 精细化工中间体项目：部分苗木补偿仍未谈妥\n说明：补偿协议已签订\n自11月10日提出，历时 1 天。' }),
    ]);

    // Back after being closed: a new item, and the reply says so.
    at('2026-11-12');
    const [again] = await h.say('张三', GROUP, report('高压线迁改需供电部门配合'));
    expect(again).toContain('\n问题跟踪：新登记 #3（#1 销号后再次出现）。');
    expect(await h.say('张三', GROUP, '#问题')).toEqual([
      '精细化工中间体项目未销号问题 1 项：\n#3 高压线迁改需供电部门配合（今日提出）\n销号请发送：#销号 编号 说明',
    ]);
  });

  it('withdraws an item that a same-day correction of the report dropped', async () => {
    await h.say('张三', GROUP, report('1、高压线迁改需供电部门配合；2、部分苗木补偿未谈妥'));
    h.clock.advance(60_000);
    const [corrected] = await h.say('张三', GROUP, report('高压线迁改需供电部门配合'));
    expect(corrected).toContain('（已更新为第 2 版）');
    expect(corrected).toContain('\n问题跟踪：持续 #1；随更正撤销 #2。');
    expect(items()).toMatchObject([{ id: 1, status: 'open' }, { id: 2, status: 'withdrawn' }]);
    expect(await h.say('张三', GROUP, '#销号 2 已处理')).toEqual(['#2 已随日报更正撤销，无需销号。']);

    // A problem dropped from a later day's report stays open: only 销号 closes it.
    at('2026-11-11');
    await h.say('张三', GROUP, report('无'));
    expect(items()).toMatchObject([{ id: 1, status: 'open' }, { id: 2, status: 'withdrawn' }]);
  });

  it('lists the whole district only in the dispatch group, capped', async () => {
    const subjects = ['高压线', '燃气管道', '雨水管网', '苗木', '厂房', '临时道路', '供水管线', '通信光缆'];
    const issues = ['迁改未完成', '补偿未谈妥', '审批未办结', '手续未完善'];
    const many = subjects.flatMap((s) => issues.map((i) => `${s}${i}`));
    const [ack] = await h.say('张三', GROUP, report(many.map((p, i) => `（${i + 1}）${p}`).join('；')));
    expect(ack).toContain('新登记 #1、#2');
    await h.say('李四', MULTI, '#日报 项目：汽车零部件\n形象进度：55%\n存在问题：冲压车间设备到货延迟');

    const [all] = await h.say('李主任', DISPATCH, '#问题 全部');
    const lines = all!.split('\n');
    expect(lines[0]).toBe('全区未销号问题 33 项，列出最早提出的 30 项：');
    expect(lines[1]).toBe('#1 精细化工中间体项目：高压线迁改未完成（今日提出）');
    expect(lines).toHaveLength(1 + 30 + 2);
    expect(lines.at(-2)).toBe('另有 3 项未列出。');

    const [multi] = await h.say('赵敏', MULTI, '#问题');
    expect(multi).toBe('本群未销号问题 1 项：\n#33 汽车零部件智能制造项目：冲压车间设备到货延迟（今日提出）\n销号请发送：#销号 编号 说明');
    const [notHere] = await h.say('赵敏', MULTI, '#问题 全部');
    expect(notHere!.startsWith('全区问题清单请在调度群查看。\n本群未销号问题 1 项：')).toBe(true);
    expect(await h.say('赵敏', null, '#问题')).toEqual(['请在项目工作群中发送该指令。']);
  });

  describe('escalation at 9:00', () => {
    const run = async (day: string) => {
      at(day, '09:00');
      const now = h.clock.now();
      // The 问题督办 runner alone, without the warnings that share its 9:00 slot.
      const date = shanghaiDate(now);
      await problemsJob({ stores: h.app.stores })({ job: jobByLabel('问题督办')!, at: now, key: shanghaiIso(now), date, late: false, now, endOfDay: new Date(`${date}T23:59:59+08:00`) });
      await h.app.sender.drain();
    };
    const sentSince = async (day: string) => {
      const before = h.world.sent.length;
      await run(day);
      return h.world.sent.slice(before);
    };

    beforeEach(async () => {
      await h.say('张三', GROUP, report('1、高压线迁改需供电部门配合；2、部分苗木补偿未谈妥'));
      await h.say('李四', MULTI, '#日报 项目：汽车零部件\n形象进度：55%\n存在问题：冲压车间设备到货延迟');
    });

    it('announces each step once, in one message per group, mentioning who must act', async () => {
      expect(await sentSince('2026-11-12')).toEqual([]);

      const step1 = await sentSince('2026-11-13');
      expect(step1).toHaveLength(2);
      expect(step1[0]).toMatchObject({ room: GROUP, mentions: ['张三'] });
      expect(step1[0]!.text).toBe(
        [
          '@张三 【问题督办】11月13日',
          '以下问题尚未销号：',
          '#1 高压线迁改需供电部门配合（11月10日提出，已 3 天）——请联络员、责任单位抓紧协调解决',
          '#2 部分苗木补偿未谈妥（11月10日提出，已 3 天）——请联络员、责任单位抓紧协调解决',
          '问题解决后请发送 #销号 编号 说明。',
        ].join('\n'),
      );
      expect(step1[1]).toMatchObject({ room: MULTI, mentions: ['李四'] });
      expect(step1[1]!.text).toContain('#3 汽车零部件智能制造项目：冲压车间设备到货延迟（11月10日提出，已 3 天）');

      // The same slot again, and the next day: nothing new to say.
      expect(await sentSince('2026-11-13')).toEqual([]);
      expect(await sentSince('2026-11-14')).toEqual([]);

      const step2 = await sentSince('2026-11-17');
      expect(step2.map((s) => [s.room, s.mentions])).toEqual([
        [GROUP, ['王区长']],
        [MULTI, ['王区长']],
      ]);
      expect(step2[0]!.text).toContain('——请帮包领导督促协调');
      expect((await h.say('张三', GROUP, '#问题'))[0]).toContain('#1 高压线迁改需供电部门配合（已 7 天，第 2 级：帮包领导）');
    });

    it('sends the dispatch group a summary and a ready letter per item at the top steps', async () => {
      at('2026-11-20');
      await h.say('王区长', GROUP, '#销号 2 补偿协议已签订');

      // The first run after two weeks goes straight to step 3: one message per group, then the letters.
      const step3 = await sentSince('2026-11-24');
      expect(step3.map((s) => s.room)).toEqual([GROUP, MULTI, DISPATCH, DISPATCH, DISPATCH]);
      expect(step3[0]).toMatchObject({ mentions: ['张三', '王区长'] });
      expect(step3[0]!.text).toContain('#1 高压线迁改需供电部门配合（11月10日提出，已 14 天）——已报调度群并发提醒函');
      expect(step3[2]!.text).toBe(
        [
          '【问题督办】11月24日',
          '以下问题久拖未决：',
          '#1 精细化工中间体项目（城东街道办事处）：高压线迁改需供电部门配合（已 14 天，提醒函）',
          '#3 汽车零部件智能制造项目（城东街道办事处）：冲压车间设备到货延迟（已 14 天，提醒函）',
          '函件文本见后续消息，可直接复制印发。',
        ].join('\n'),
      );
      expect(step3[3]!.text.split('\n').slice(0, 3)).toEqual([
        '关于加快解决精细化工中间体项目“高压线迁改需供电部门配合”问题的提醒函',
        '',
        '城东街道办事处：',
      ]);
      expect(step3[3]!.text.endsWith('区重点项目办公室\n2026年11月24日')).toBe(true);
      expect(step3[4]!.text).toContain('汽车零部件智能制造项目“冲压车间设备到货延迟”');

      const step4 = await sentSince('2026-12-10');
      expect(step4.map((s) => s.room)).toEqual([GROUP, MULTI, DISPATCH, DISPATCH, DISPATCH]);
      expect(step4[2]!.text).toContain('（已 30 天，督办函，呈区主要领导）');
      expect(step4[3]!.text.split('\n')[0]).toBe('关于督办解决精细化工中间体项目“高压线迁改需供电部门配合”问题的督办函');
      expect(step4[3]!.text).toContain('抄送：王区长（帮包领导）');
      expect(await sentSince('2026-12-11')).toEqual([]);
      expect(h.db.prepare('SELECT id, announced_level FROM problems ORDER BY id').all()).toEqual([
        { id: 1, announced_level: 4 },
        { id: 2, announced_level: 0 },
        { id: 3, announced_level: 4 },
      ]);
    });
  });
});
