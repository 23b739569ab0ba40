import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Harness } from '../support/harness';
import { runCli, type CliIo } from '../../src/cli/index';

const DISPATCH = '全区重点项目调度群';

describe('schedules by chat command', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(DISPATCH, ['李主任', '王区长']);
  });
  afterEach(() => h.stop());

  it('makes a group the dispatch group only for an admin', async () => {
    expect(await h.say('王区长', DISPATCH, '#设置 调度群')).toEqual([]);
    expect(h.db.prepare('SELECT COUNT(*) FROM groups').pluck().get()).toBe(0);
    expect(await h.say('李主任', DISPATCH, '#设置 调度群')).toEqual(['已将本群设为调度群：每个工作日晚间在此发布日晒榜。']);
    expect(h.db.prepare('SELECT is_dispatch FROM groups').pluck().get()).toBe(1);
  });

  it('changes a time and pauses a job at once, records who did it, and shows the schedule', async () => {
    await h.say('李主任', DISPATCH, '#设置 调度群');
    expect(await h.say('李主任', DISPATCH, '#设置 提醒 16:30')).toEqual(['已将提醒时间由 16:00 改为 16:30，即时生效。']);
    expect((await h.say('李主任', DISPATCH, '#设置 提醒 25:00'))[0]).toContain('格式不对');
    expect(await h.say('王区长', DISPATCH, '#暂停 日晒榜')).toEqual(['抱歉，该指令仅限管理员使用。']);
    expect(await h.say('李主任', DISPATCH, '#暂停 日晒榜')).toEqual(['已暂停日晒榜。']);
    const [schedule] = await h.say('王区长', DISPATCH, '#日程');
    expect(schedule).toBe('日程：\n· 预警：09:00（工作日），下次 11-25 09:00\n· 问题督办：09:00（工作日），下次 11-25 09:00\n· 提醒：16:30（工作日），下次 11-24 16:30\n· 催报：17:30（工作日），下次 11-24 17:30\n· 日晒榜：20:00（工作日），已暂停\n· 点评提醒：20:30（工作日），下次 11-24 20:30\n· 周调度：周一 09:00，下次 11-30 09:00\n· 领导周报：周一 09:30，下次 11-30 09:30\n· 月通报：每月1日 09:00，下次 12-01 09:00\n· 备份：02:30，下次 11-25 02:30');
    expect(h.db.prepare('SELECT subject, old_value, new_value, changed_by FROM setting_changes ORDER BY id').all()).toEqual([
      { subject: 'reminder', old_value: '16:00', new_value: '16:30', changed_by: '李主任' },
      { subject: 'dailyBoard', old_value: '启用', new_value: '暂停', changed_by: '李主任' },
    ]);
    expect(await h.say('李主任', DISPATCH, '#恢复 日晒榜')).toEqual(['已恢复日晒榜。']);
    expect(await h.say('李主任', DISPATCH, '#设置 周调度 周五 17:00')).toEqual(['已将周调度时间由 周一 09:00 改为 周五 17:00，即时生效。']);
    expect((await h.say('李主任', DISPATCH, '#设置 月通报 31日 9:00'))[0]).toBe('时间「31日 9:00」格式不对，例如 #设置 月通报 1日 9:00');
  });
});

describe('rishai schedule', () => {
  it('lists, sets, pauses and resumes from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-sched-cli-'));
    const db = path.join(dir, 'r.db');
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
      return { code: await runCli(['schedule', ...args, '--db', db], io), out, err };
    };
    // The schedule command changes a bot's database; it makes one only when asked.
    expect((await run('list')).err[0]).toContain('不存在');
    expect((await run('list', '--init')).code).toBe(0);
    expect((await run('set', '催报', '17:45')).out).toEqual(['已将催报时间由 17:30 改为 17:45，即时生效。']);
    expect((await run('pause', '提醒')).code).toBe(0);
    const list = await run('list');
    expect(list.out[0]).toContain('· 催报：17:45（工作日）');
    expect(list.out[0]).toContain('· 提醒：16:00（工作日），已暂停');
    expect((await run('set', '周报', '9:00')).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('warning thresholds and honour rules by chat command', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness('2026-11-24T10:00:00+08:00').start();
    h.world.room(DISPATCH, ['李主任', '王区长']);
    await h.say('李主任', DISPATCH, '#设置 调度群');
  });
  afterEach(() => h.stop());

  it('shows and changes thresholds, keeping yellow below red, admins only', async () => {
    expect((await h.say('李主任', DISPATCH, '#设置 预警'))[0]).toContain('· 滞后黄：10 个百分点');
    expect(await h.say('李主任', DISPATCH, '#设置 预警 滞后黄 15')).toEqual(['已将预警阈值「滞后黄」由 10 改为 15 个百分点，明早预警起生效。']);
    expect((await h.say('李主任', DISPATCH, '#设置 预警 未报黄 5'))[0]).toContain('黄色阈值须小于红色阈值');
    expect((await h.say('李主任', DISPATCH, '#设置 预警 滞后红 很多'))[0]).toContain('应为 1–100 的整数');
    expect(await h.say('李主任', DISPATCH, '#设置 预警 8:30')).toEqual(['已将预警时间由 09:00 改为 08:30，即时生效。']);
    expect(await h.say('李主任', DISPATCH, '#未报')).toEqual(['本群没有绑定项目（调度群）。各项目报送情况见每晚日晒榜，全区问题可发送 #问题 全部。']);
    expect(await h.say('李主任', DISPATCH, '#日报 形象进度：38%')).toEqual([]);
    expect(await h.say('王区长', DISPATCH, '#设置 预警 滞后红 40')).toEqual(['抱歉，该指令仅限管理员使用。']);
    expect(h.db.prepare("SELECT subject, old_value, new_value, changed_by FROM setting_changes WHERE subject LIKE 'threshold.%'").all()).toEqual([
      { subject: 'threshold.behindYellow', old_value: '10', new_value: '15', changed_by: '李主任' },
    ]);
  });

  it('shows and changes the commendation and criticism rules, admins only', async () => {
    const [rules] = await h.say('李主任', DISPATCH, '#设置 通报');
    expect(rules).toContain('批评（满足任一）：报送率 < 80%；月末红灯；逾期 ≥ 30 天未开工；形象进度 ≥ 14 天无变化');
    expect(rules).toContain('· 批评报送率：80%');
    expect(await h.say('李主任', DISPATCH, '#设置 通报 批评报送率 85')).toEqual(['已将通报规则「批评报送率」由 80% 改为 85%，下次月通报起生效。']);
    expect((await h.say('李主任', DISPATCH, '#设置 通报 表扬名额 100'))[0]).toContain('表扬名额应为 0–50 的整数');
    expect((await h.say('李主任', DISPATCH, '#设置 通报 批评率 85'))[0]).toContain('没有「批评率」这项通报规则');
    expect((await h.say('李主任', DISPATCH, '#设置 通报'))[0]).toContain('· 批评报送率：85%');
    expect(await h.say('王区长', DISPATCH, '#设置 通报 批评报送率 60')).toEqual(['抱歉，该指令仅限管理员使用。']);
    expect(await h.say('王区长', DISPATCH, '#设置 通报')).toEqual(['抱歉，该指令仅限管理员使用。']);
    expect((await h.say('李主任', DISPATCH, '#帮助'))[0]).toContain('#设置 通报　查看月通报表扬、批评规则');
    expect(h.db.prepare("SELECT subject, old_value, new_value, changed_by FROM setting_changes WHERE subject LIKE 'honour.%'").all()).toEqual([
      { subject: 'honour.criticiseRate', old_value: '80', new_value: '85', changed_by: '李主任' },
    ]);
    // The monthly bulletin's schedule is still set by its own name.
    expect(await h.say('李主任', DISPATCH, '#设置 月通报 2日 9:00')).toEqual(['已将月通报时间由 每月1日 09:00 改为 每月2日 09:00，即时生效。']);
  });
});
