import { Harness } from '../support/harness';

const GROUP = '化工项目工作群';
const MULTI = '城东项目调度群';

/** Each shape of report people send, through the real bot on a simulated WeChat. */
describe('reports as people write them', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await new Harness('2026-11-25T17:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '王区长', '李主任', '路人甲']);
    h.world.room(MULTI, ['李四', '赵敏', '李主任', '路人甲']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
  });
  afterEach(() => h.stop());

  const rows = (sql: string) => h.db.prepare(sql).all();

  it('keeps a remark after a figure as that field note, echoes it, and stores it', async () => {
    const [ack] = await h.say('张三', GROUP, '#日报\n【形象进度】48%\n施工人数 管理人员12人，作业人员86人\n累计完成投资：1.6亿元，占总投资32%');
    expect(ack).toContain('形象进度 48%，施工 98 人，累计投资 16000 万元');
    expect(ack).toContain('另注：占总投资32%（累计完成投资）');
    expect(rows('SELECT notes, correction, pending FROM reports')).toEqual([{ notes: '{"investmentCumulative":"占总投资32%"}', correction: 0, pending: 0 }]);
  });

  it('files a report dated in its header on that day, and a 更正 as a correction of it', async () => {
    const [late] = await h.say('张三', GROUP, '【日报】精细化工中间体项目 11月24日\n形象进度：40%\n存在问题：1、高压线迁改未完成；2、苗木补偿未谈妥');
    expect(late).toContain('11月24日日报');
    const [fixed] = await h.say('张三', GROUP, '【日报】（更正）精细化工中间体项目 11月24日\n形象进度：41%\n存在问题：高压线迁改未完成');
    expect(fixed).toContain('（已按更正更新为第 2 版）');
    expect(fixed).toContain('随更正撤销 #2。');
    expect(rows('SELECT date, revision, current, correction FROM reports ORDER BY id')).toEqual([
      { date: '2026-11-24', revision: 1, current: 0, correction: 0 },
      { date: '2026-11-24', revision: 2, current: 1, correction: 1 },
    ]);
    expect(rows('SELECT id, status, withdrawn_by FROM problems ORDER BY id')).toEqual([
      { id: 1, status: 'open', withdrawn_by: null },
      { id: 2, status: 'withdrawn', withdrawn_by: 2 },
    ]);
  });

  it('answers a combined report of several projects once, saving each valid one', async () => {
    const answers = await h.say(
      '李四',
      MULTI,
      '#日报\n汽车零部件智能制造项目\n形象进度：55%\n施工人数：约80人\n\n港口物流仓储中心\n形象进度：百分之一百一十\n施工人数：30人',
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('已收到 2 个项目的日报，保存 1 个');
    expect(answers[0]).toContain('✅ 汽车零部件智能制造项目 11月25日：形象进度 55%，施工 80 人');
    expect(answers[0]).toContain('❌ 港口物流仓储中心：未保存');
    expect(answers[0]).toContain('形象进度：读到「百分之一百一十」');
    expect(rows('SELECT project_id, progress_percent FROM reports')).toEqual([{ project_id: 2, progress_percent: 55 }]);
  });

  it('reads a table pasted from a spreadsheet, one report per row', async () => {
    const table = '项目名称\t形象进度\t施工人数\t累计完成投资（万元）\n汽车零部件智能制造项目\t56%\t90\t9700\n港口物流仓储中心\t21%\t35\t3100';
    const [ack] = await h.say('赵敏', MULTI, table);
    expect(ack).toContain('✅ 已收到 2 个项目的日报');
    expect(rows('SELECT project_id, progress_percent, workers, investment_cumulative FROM reports ORDER BY project_id')).toEqual([
      { project_id: 2, progress_percent: 56, workers: 90, investment_cumulative: 9700 },
      { project_id: 3, progress_percent: 21, workers: 35, investment_cumulative: 3100 },
    ]);
  });

  it('reads one spoken line without colons', async () => {
    const [ack] = await h.say('张三', GROUP, '#日报 精细化工中间体项目 今天形象进度72% 施工人数118人 累计完成投资1.12亿元');
    expect(ack).toBe('✅ 已收到 精细化工中间体项目 11月25日日报：形象进度 72%，施工 118 人，累计投资 11200 万元，无问题。');
  });

  it('keeps a report from someone else beside the day report until the liaison confirms it', async () => {
    await h.say('张三', GROUP, '#日报 形象进度：40%');
    const [kept] = await h.say('路人甲', GROUP, '#日报 形象进度：45%');
    expect(kept).toContain('当日日报已由他人报送，本条另存为第 2 版，请联络员核对');
    expect(h.world.sent.at(-1)!.text).toContain('@张三');
    expect(rows('SELECT revision, current, pending FROM reports ORDER BY id')).toEqual([
      { revision: 1, current: 1, pending: 0 },
      { revision: 2, current: 0, pending: 1 },
    ]);
    expect(await h.say('路人甲', GROUP, '#确认日报')).toEqual([expect.stringContaining('只有精细化工中间体项目的')]);
    const [confirmed] = await h.say('张三', GROUP, '#确认日报');
    expect(confirmed).toContain('已采用 精细化工中间体项目 11月25日日报第 2 版：形象进度 45%');
    expect(rows('SELECT revision, current, pending FROM reports ORDER BY id')).toEqual([
      { revision: 1, current: 0, pending: 0 },
      { revision: 2, current: 1, pending: 0 },
    ]);
    // The sender of the current version, the liaison and an admin replace it directly.
    const [again] = await h.say('李主任', GROUP, '#日报 形象进度：46%');
    expect(again).toContain('（已更新为第 3 版）');
  });

  it('answers the template sent back unchanged and stores it only as a message', async () => {
    const [template] = await h.say('张三', GROUP, '#模板');
    const [answer] = await h.say('张三', GROUP, template!);
    expect(answer).toBe('这是模板示例，请填写实际数据后再发送。');
    expect(rows('SELECT COUNT(*) AS n FROM reports')).toEqual([{ n: 0 }]);
    expect(h.db.prepare("SELECT outcome FROM messages WHERE text LIKE '#日报%'").pluck().get()).toBe('template');
  });

  it('reads a year-less December date sent in early January as last year', async () => {
    h.clock.set('2027-01-04T10:00:00+08:00');
    const [ack] = await h.say('张三', GROUP, '#日报\n日期：12月31日\n形象进度：70%');
    expect(ack).toContain('12月31日日报');
    expect(h.db.prepare('SELECT date FROM reports').pluck().all()).toEqual(['2026-12-31']);
  });

  /** Each shape the issue names, sent as a liaison would, and the figures stored. */
  const SHAPES: [string, string, Record<string, unknown>][] = [
    ['square-bracket labels', '#日报\n[形象进度]48%\n[施工人数]45人', { progress_percent: 48, workers: 45 }],
    ['labels without colons', '#日报\n形象进度30%\n施工人数 45人\n机械设备 挖机3台、塔吊2台、汽车吊1台', { progress_percent: 30, workers: 45, machines: 6 }],
    ['an amount with a remark in brackets', '#日报\n形象进度：50%\n累计完成投资：12,800万元（占年度计划56%）', { investment_cumulative: 12800 }],
    ['亿 in words and in parts', '#日报\n形象进度：50%\n累计完成投资：2亿3千万\n本月完成投资：0.05个亿', { investment_cumulative: 23000, investment_month: 500 }],
    ['amounts in 元', '#日报\n形象进度：50%\n本月完成投资：3500000元', { investment_month: 350 }],
    ['approximate counts', '#日报\n形象进度：50%\n施工人数：100余人\n机械设备：无', { workers: 100, machines: 0 }],
    ['a stated total over its parts', '#日报\n形象进度：50%\n施工人数：64人（其中管理人员8人）', { workers: 64 }],
    ['本月 and 累计 on one line', '#日报\n形象进度：62.5%\n投资完成情况：本月完成1200万元，累计完成2.1亿元', { progress_percent: 62.5, investment_month: 1200, investment_cumulative: 21000 }],
    ['a date with its weekday', '#日报\n日期：11月24日（星期二）\n形象进度：50%', { date: '2026-11-24' }],
    ['a date with slashes', '#日报\n日期：2026/11/23\n形象进度：50%', { date: '2026-11-23' }],
  ];

  it.each(SHAPES)('stores %s', async (_shape, text, expected) => {
    const [ack] = await h.say('张三', GROUP, text);
    expect(ack).toMatch(/^✅ 已收到 精细化工中间体项目/);
    const stored = h.db.prepare('SELECT * FROM reports WHERE current = 1 ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(stored).toMatchObject(expected);
  });
});
