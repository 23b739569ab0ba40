import fs from 'node:fs';
import { FileBox } from 'file-box';
import { Harness } from '../support/harness';
import { rebindAfterLogin } from '../../src/channels/wechaty/relogin';
import { silentLogger } from '../../src/log/log';

const GROUP = '化工项目工作群';
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const MULTI = '城东项目调度群';

describe('the reporting loop on a simulated WeChat', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await new Harness().start();
    h.world.room(GROUP, ['张三', '王区长', '李主任', '路人甲']);
    h.world.room(MULTI, ['李四', '赵敏', '李主任']);
    h.world.room('陌生群', ['路人甲', '李主任']);
  });
  afterEach(() => h.stop());

  const reports = () => h.db.prepare('SELECT project_id, date, revision, current, progress_percent, workers, investment_cumulative FROM reports ORDER BY id').all();

  it('ignores groups that are not bound, apart from an admin binding them', async () => {
    expect(await h.say('路人甲', GROUP, '#日报\n形象进度：38%')).toEqual([]);
    expect(await h.say('路人甲', GROUP, '#绑定 精细化工中间体项目')).toEqual([]);
    expect(h.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(1);

    const [answer] = await h.say('李主任', GROUP, '#绑定 化工中间体');
    expect(answer).toContain('已绑定：精细化工中间体项目');
    expect(await h.say('路人甲', '陌生群', '#帮助')).toEqual([]);
  });

  it('stores a report, acknowledges the figures it understood, and keeps revisions', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');

    const [ack] = await h.say(
      '张三',
      GROUP,
      '#日报\n项目名称：精细化工中间体项目\n日期：11月24日\n形象进度：38%（综合楼主体施工）\n今日进展：综合楼二层顶板浇筑\n施工人数：66人\n机械设备：7台\n累计完成投资：1.42亿元\n本月完成投资：900万元\n存在问题：无\n明日计划：三层墙柱钢筋绑扎',
    );
    expect(ack).toBe('✅ 已收到 精细化工中间体项目 11月24日日报：形象进度 38%，施工 66 人，机械 7 台，累计投资 14200 万元，本月投资 900 万元，无问题。');

    // The project name may be left out in a single-project group; a second post replaces the day's report.
    const [again] = await h.say('张三', GROUP, '形象进度：39%；施工人数：六十五人；累计完成投资：14300万元');
    expect(again).toContain('（已更新为第 2 版）');
    expect(reports()).toEqual([
      { project_id: 1, date: '2026-11-24', revision: 1, current: 0, progress_percent: 38, workers: 66, investment_cumulative: 14200 },
      { project_id: 1, date: '2026-11-24', revision: 2, current: 1, progress_percent: 39, workers: 65, investment_cumulative: 14300 },
    ]);
  });

  it('answers a bad report naming each field and stores nothing as the day report', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    const [answer] = await h.say('张三', GROUP, '#日报\n项目名称：精细化工中间体项目\n形象进度：百分之一百一十\n累计完成投资：待统计');
    expect(answer).toContain('日报未保存');
    expect(answer).toContain('形象进度');
    expect(answer).toContain('累计完成投资');
    expect(reports()).toEqual([]);
    expect(h.db.prepare("SELECT outcome FROM messages WHERE text LIKE '#日报%'").pluck().get()).toBe('invalid');
  });

  it('leaves chatter alone but logs it', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    for (const text of ['收到', '@张主任 好的，明天上午到现场对接', '今天下雨，现场暂停，进度明天一并报']) {
      expect(await h.say('张三', GROUP, text)).toEqual([]);
    }
    expect(h.db.prepare("SELECT COUNT(*) FROM messages WHERE outcome = 'chatter'").pluck().get()).toBe(3);
  });

  it('needs the project name in a group with several projects and flags what an office would query', async () => {
    h.clock.set('2026-11-23T17:00:00+08:00');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
    // Unnamed, a report is the sender's when they are the liaison of one of the group's projects, and asked about otherwise.
    const [which] = await h.say('李主任', MULTI, '#日报 形象进度：55%；累计投资：9600万');
    expect(which).toContain('请在日报中写明项目名称');
    const [mine] = await h.say('赵敏', MULTI, '#日报 形象进度：20%');
    expect(mine).toContain('已收到 港口物流仓储中心 11月23日日报');

    await h.say('李四', MULTI, '【日报】汽车零部件智能制造项目\n形象进度：55%\n累计投资：9600万');
    h.clock.set('2026-11-24T17:00:00+08:00');
    const [ack] = await h.say('李四', MULTI, '【日报】汽车零部件\n形象进度：50%\n累计投资：9000万');
    expect(ack).toContain('请核对：累计完成投资低于上次（9600 万元）；形象进度较上次回落（上次 55%）');
  });

  it('does not answer old messages delivered at start-up, nor the same message twice', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    const old = new Date(h.clock.now().getTime() - 10 * 60_000);
    expect(await h.say('张三', GROUP, '#日报 形象进度：38%', old)).toEqual([]);
    expect(h.db.prepare("SELECT outcome FROM messages WHERE outcome = 'stale'").pluck().all()).toEqual(['stale']);
    expect(reports()).toEqual([]);

    const id = h.world.say('张三', GROUP, '#日报 形象进度：38%');
    await h.app.inbound.handled(id);
    h.world.redeliver(id);
    await h.app.inbound.handled(id);
    await h.app.sender.drain();
    expect(h.world.sent.filter((s) => s.text.startsWith('✅'))).toHaveLength(1);
    expect(reports()).toHaveLength(1);
  });

  it('saves a site photo posted after the report and links it to that report', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('张三', GROUP, '#日报 形象进度：38%');
    const png = FileBox.fromBase64(ONE_PIXEL_PNG, 'site.png');
    const id = h.world.sayImage('张三', GROUP, png);
    await h.app.inbound.handled(id);
    const stranger = h.world.sayImage('路人甲', GROUP, FileBox.fromBase64(ONE_PIXEL_PNG, 'other.png'));
    await h.app.inbound.handled(stranger);

    const media = h.db.prepare('SELECT report_id, path FROM media').all() as { report_id: number; path: string }[];
    expect(media).toHaveLength(1);
    expect(media[0]!.path).toContain('2026-11-24');
    expect(fs.readFileSync(media[0]!.path).toString('base64')).toBe(ONE_PIXEL_PNG);
    expect(h.db.prepare('SELECT outcome FROM messages WHERE type = ? ORDER BY id').pluck().all('image')).toEqual(['photo', 'chatter']);
  });

  it('runs the group commands', async () => {
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
    const [template] = await h.say('李四', MULTI, '#模板');
    expect(template).toContain('项目名称：汽车零部件智能制造项目');
    await h.say('李四', MULTI, '#日报 项目：汽车零部件；形象进度：55%');
    const [missing] = await h.say('李四', MULTI, '#未报');
    expect(missing).toContain('港口物流仓储中心');
    expect(missing).not.toContain('汽车零部件');
    const [progress] = await h.say('李四', MULTI, '#进度 汽车零部件');
    expect(progress).toContain('汽车零部件智能制造项目（11月24日）：形象进度 55%');
    const [help] = await h.say('李四', MULTI, '#帮助');
    expect(help).toContain('您是 汽车零部件智能制造项目 的联络员');
    expect(help).toContain('#模板');
    expect(help).not.toContain('#绑定');
    const [adminHelp] = await h.say('李主任', MULTI, '#帮助');
    expect(adminHelp).toContain('#绑定');
    const [unknown] = await h.say('李四', MULTI, '#查询 进度');
    expect(unknown).toBe('未识别的指令「#查询」。发送 #帮助 查看可用指令。');
    const [denied] = await h.say('李四', MULTI, '#解绑');
    expect(denied).toBe('抱歉，该指令仅限管理员使用。');
  });

  it('lets an admin set roles by mention, and identity survives a nickname change', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    const [set] = await h.say('李主任', GROUP, '#设置 联络员 @路人甲');
    expect(set).toBe('已设置联络员：路人甲（精细化工中间体项目）。');
    const liaisons = () =>
      h.db.prepare("SELECT p.name FROM project_roles r JOIN persons p ON p.id = r.person_id WHERE r.role = 'liaison'").pluck().all();
    expect(liaisons()).toEqual(['路人甲']);
    expect(h.db.prepare('SELECT subject, old_value, new_value, changed_by FROM setting_changes').all()).toEqual([
      { subject: 'role:精细化工中间体项目:联络员', old_value: null, new_value: '路人甲', changed_by: '李主任' },
    ]);

    const people = () => h.db.prepare('SELECT COUNT(*) FROM persons').pluck().get();
    const before = people();
    h.world.rename('路人甲', '甲（安全员）');
    await h.say('甲（安全员）', GROUP, '收到');
    expect(liaisons()).toEqual(['甲（安全员）']);
    expect(people()).toBe(before);
  });
});

describe('a re-login that issues new ids (wechat4u)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness().start();
    h.world.room(GROUP, ['张三', '王区长', '李主任']);
    h.world.room('另一个群', ['路人甲']);
  });
  afterEach(() => h.stop());

  it('re-binds groups by topic and members and keeps people who they were', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('张三', GROUP, '#日报 形象进度：38%');
    const persons = () => h.db.prepare('SELECT id, name FROM persons ORDER BY id').all();
    const before = persons();

    h.world.reissueIds();
    await rebindAfterLogin(h.world.wechaty, h.app.stores, h.clock, silentLogger);

    h.clock.advance(60_000);
    const [ack] = await h.say('张三', GROUP, '#日报 形象进度：39%');
    expect(ack).toContain('已更新为第 2 版');
    expect(persons()).toEqual(before);
    expect(h.db.prepare('SELECT COUNT(*) FROM groups').pluck().get()).toBe(1);
  });

  it('tells the admins about a group it cannot place, and never merges it into another', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    h.world.reissueIds();
    h.world.twin(GROUP);
    await rebindAfterLogin(h.world.wechaty, h.app.stores, h.clock, silentLogger);
    await h.app.sender.drain();
    const alert = h.world.sent.find((s) => s.to === '李主任');
    expect(alert?.text).toContain(`未能确认群「${GROUP}」`);
    expect(await h.say('张三', GROUP, '#日报 形象进度：39%')).toEqual([]);
  });
});

describe('admins named in the configuration', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness().start();
    h.world.room(GROUP, ['张三', '李主任']);
  });
  afterEach(() => h.stop());

  it('are not impersonated by someone who copies the nickname', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    // A different contact calling itself 李主任 talks to the bot privately.
    const impostor = h.world.mocker.createContact({ name: '李主任' });
    const id = `impostor-${Date.now()}`;
    h.world.mocker.MessageMock.create({ id, talkerId: impostor.id, listenerId: h.world.botId(), timestamp: h.clock.now().getTime(), type: 7, text: '#暂停 日晒榜' });
    h.world.puppet.emit('message', { messageId: id });
    await h.app.inbound.handled(id);
    await h.app.sender.drain();
    expect(h.world.sent.map((s) => s.text)).toContain('抱歉，该指令仅限管理员使用。');
    expect(h.db.prepare('SELECT COUNT(*) FROM persons WHERE is_admin = 1').pluck().get()).toBe(1);
  });
});
