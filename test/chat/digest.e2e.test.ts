import { Harness } from '../support/harness';
import { leaderDigestJob } from '../../src/jobs/digest';
import { LiveCalendar } from '../../src/features/calendar';
import { DEFAULT_THRESHOLDS } from '../../src/core/rules/warnings';
import { JOBS } from '../../src/schedule/jobs';
import type { Slot } from '../../src/jobs/job';
import { addDays, shanghaiDate, shanghaiIso } from '../../src/time/clock';
import { CalendarStore } from '../../src/store/calendar';

const GROUP = '化工项目工作群';
const MULTI = '汽车港口联合群';
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

const JOB = JOBS.find((j) => j.name === 'leaderDigest')!;

function slotAt(iso: string, now: Date, late = false): Slot {
  const at = new Date(iso);
  const date = shanghaiDate(at);
  return { job: JOB, at, key: shanghaiIso(at), date, late, now, endOfDay: new Date(`${addDays(date, 1)}T00:00:00+08:00`) };
}

describe('leader digest (领导周报) by private message', () => {
  let h: Harness;
  const at = (day: string, time: string) => h.clock.set(`${day}T${time}:00+08:00`);
  // Runs the slot due at `slot` (Shanghai, `YYYY-MM-DDTHH:mm`) at `now`: more than 5 minutes after it is late, as in the scheduler.
  const run = async (slot: string, now = slot) => {
    at(now.slice(0, 10), now.slice(11, 16));
    const calendar = new LiveCalendar(new CalendarStore(h.db), h.clock);
    const late = h.clock.now().getTime() - new Date(`${slot}:00+08:00`).getTime() > 5 * 60_000;
    await leaderDigestJob({ stores: h.app.stores, isWorkday: (d) => calendar.isWorkday(d), thresholds: () => DEFAULT_THRESHOLDS })(slotAt(`${slot}:00+08:00`, h.clock.now(), late));
    await h.app.sender.drain();
  };

  beforeEach(async () => {
    h = await new Harness('2026-11-23T09:00:00+08:00').start();
    // 王区长 leads 精细化工 and 汽车零部件; 刘副区长 leads 港口物流 (from the registry, matched by nickname).
    h.world.room(GROUP, ['张三', '王区长', '李主任']);
    h.world.room(MULTI, ['李四', '赵敏', '王区长', '刘副区长', '李主任']);
  });
  afterEach(() => h.stop());

  it('sends each leader their own projects only, once per slot', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');
    for (const [i, day] of WEEK.entries()) {
      at(day, '17:00');
      await h.say('张三', GROUP, `#日报\n形象进度：${38 + i}%\n今日进展：主体施工\n存在问题：高压线迁改需供电部门配合`);
      // 汽车零部件 reports only Monday and Tuesday: three workdays missed by the week's end is a red light.
      if (i < 2) await h.say('李四', MULTI, `#日报 项目：汽车零部件；形象进度：${55 + i}%`);
      await h.say('赵敏', MULTI, `#日报\n项目：港口物流\n形象进度：${60 + i}%\n存在问题：土方外运受限`);
      if (i < 2) {
        at(day, '19:00');
        await h.say('王区长', GROUP, '#点评 进度不错，注意安全');
      }
    }

    // The scheduler runs it on Monday at 9:30.
    const before = h.world.sent.length;
    at('2026-11-30', '09:30');
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    const sent = h.world.sent.slice(before);
    expect(sent.map((s) => s.room ?? `to ${s.to}`)).toEqual(['to 王区长', 'to 刘副区长']);

    const wang = sent.find((s) => s.to === '王区长')!.text;
    expect(wang.split('\n').slice(0, 3)).toEqual(['王区长，您好。', '【帮包项目周报】11月23日至11月29日', '您帮包的 2 个项目（红灯 1 个、黄灯 1 个）：']);
    expect(wang).toContain('🔴 汽车零部件智能制造项目：报送 2/5 天，形象进度 +1.0 个百分点；已连续 3 个工作日未报日报');
    expect(wang).toContain('🟡 精细化工中间体项目：报送 5/5 天，形象进度 +4.0 个百分点；');
    expect(wang).toContain('未销号问题 1 项（久拖在前）：\n· 精细化工中间体项目：高压线迁改需供电部门配合（已 6 天）');
    // 7 reported project-days of his projects, 2 commented.
    expect(wang).toContain('本周点评日报 2/7 份（28.6%）。');
    expect(wang).toContain('汽车零部件智能制造项目亮红灯，烦请及时点评督导');
    expect(wang).not.toContain('港口物流');
    expect(wang).not.toContain('土方外运');

    expect(sent.find((s) => s.to === '刘副区长')!.text).toBe(
      [
        '刘副区长，您好。',
        '【帮包项目周报】11月23日至11月29日',
        '您帮包的 1 个项目均为绿灯：',
        '🟢 港口物流仓储中心：报送 5/5 天，形象进度 +4.0 个百分点',
        '未销号问题 1 项（久拖在前）：',
        '· 港口物流仓储中心：土方外运受限（已 6 天）',
        '本周点评日报 0/5 份（0.0%）。',
      ].join('\n'),
    );

    const wangId = h.db.prepare("SELECT id FROM persons WHERE name = '王区长'").pluck().get();
    expect(h.db.prepare("SELECT key, group_id, person_id FROM outbox WHERE key LIKE 'job:leaderDigest:%' ORDER BY person_id").all()).toEqual([
      expect.objectContaining({ key: `job:leaderDigest:2026-11-30T09:30:00+08:00:p${wangId}`, group_id: null, person_id: wangId }),
      expect.objectContaining({ group_id: null }),
    ]);

    // The same slot again (a crash, a resumed run) sends nothing twice.
    await run('2026-11-30T09:30', '2026-11-30T09:31');
    expect(h.world.sent.length).toBe(before + 2);
  });

  it('leaves out projects bound after the week, and a leader with nothing due', async () => {
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目');
    for (const day of WEEK) {
      at(day, '17:00');
      await h.say('张三', GROUP, '#日报 形象进度：60%');
    }
    at('2026-11-30', '09:00');
    await h.say('李主任', MULTI, '#绑定 汽车零部件智能制造项目、港口物流仓储中心');

    const before = h.world.sent.length;
    // Sent late (the bot was down on Monday morning): still last week, marked 补发.
    await run('2026-11-30T09:30', '2026-12-01T10:00');
    const sent = h.world.sent.slice(before);
    expect(sent.map((s) => s.to)).toEqual(['王区长']);
    expect(sent[0]!.text.split('\n').slice(1, 4)).toEqual([
      '【帮包项目周报】11月23日至11月29日（补发）',
      '您帮包的 1 个项目均为绿灯：',
      '🟢 精细化工中间体项目：报送 5/5 天，形象进度无进展',
    ]);
  });
});
