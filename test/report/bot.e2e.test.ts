import { Harness } from '../support/harness';

/** What the report handler does for now with what the parser adds: several projects, an overlong message. */

const GROUP = '城东项目调度群';

describe('the report handler on a simulated WeChat', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await new Harness().start();
    h.world.room(GROUP, ['李四', '赵敏', '李主任']);
    await h.say('李主任', GROUP, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
  });
  afterEach(() => h.stop());

  const stored = () => h.db.prepare('SELECT project_id, progress_percent FROM reports ORDER BY id').all();

  it('saves each project of a combined report, and names a project to fix, in one answer', async () => {
    const answers = await h.say('李四', GROUP, '#日报\n一、汽车零部件智能制造项目\n形象进度：56%\n二、港口物流仓储中心\n形象进度：120%');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('✅ 汽车零部件智能制造项目 11月24日：形象进度 56%');
    expect(answers[0]).toContain('❌ 港口物流仓储中心：未保存');
    expect(answers[0]).toContain('形象进度：读到「120%」');
    expect(stored()).toEqual([{ project_id: 2, progress_percent: 56 }]);
  });

  it('answers an overlong message briefly without reading it', async () => {
    const [answer] = await h.say('李四', GROUP, `#日报 汽车零部件智能制造项目\n形象进度：56%\n今日进展：${'钢筋绑扎'.repeat(6000)}`);
    expect(answer).toBe('消息超过 20000 字，未作为日报读取；日报请精简后重新发送。');
    expect(stored()).toEqual([]);
  });
});
