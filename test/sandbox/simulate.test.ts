import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli/index';
import { readScenario } from '../../src/sandbox/scenario';

async function simulate(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(['simulate', ...args], io);
  return { code, lines: out.map((l) => JSON.parse(l) as { at: string; room?: string; to?: string; file?: string; text: string; mentions?: string[] }), err };
}

describe('rishai simulate', () => {
  it('runs a week of the real bot in virtual time and prints what it sends', async () => {
    const { code, lines } = await simulate(['data/scenarios/week.json']);
    expect(code).toBe(0);
    expect(lines[0]).toEqual({
      at: '2026-11-23T15:20:00+08:00',
      room: '精细化工项目工作群',
      text: '✅ 已收到 精细化工中间体项目 11月23日日报：形象进度 38%，施工 64 人，累计投资 14200 万元，无问题。',
      mentions: [],
    });
    // The scenario moved the reminder to 16:30; it mentions only the liaison of the project still missing.
    expect(lines[1]).toMatchObject({ at: '2026-11-23T16:30:00+08:00', room: '港口物流项目工作群', mentions: ['赵敏'] });
    expect(lines[1]!.text).toContain('【日报提醒】11月23日');
    const boards = lines.filter((l) => l.room === '全区重点项目调度群' && l.text.startsWith('【日晒榜】'));
    expect(boards.map((b) => b.at)).toEqual([
      '2026-11-23T20:00:00+08:00',
      '2026-11-24T20:00:00+08:00',
      '2026-11-25T20:00:00+08:00',
      '2026-11-26T20:00:00+08:00',
      '2026-11-27T20:00:00+08:00',
    ]);
    expect(boards[1]!.text).toContain('未报送：\n· 区交通运输局：港口物流仓储中心');
    // Two reminders due in the same minute leave at least 2 s apart, as the outbox paces them.
    const nov25 = lines.filter((l) => l.text.includes('【日报提醒】11月25日')).map((l) => l.at);
    expect(nov25).toEqual(['2026-11-25T16:30:00+08:00', '2026-11-25T16:30:02+08:00']);
    expect(lines.some((l) => l.at.startsWith('2026-11-28'))).toBe(false);
    // Monday's weekly dispatch sums up the week in the dispatch group, red lights with their leaders named, then the image.
    const weekly = lines.findIndex((l) => l.text.startsWith('【周调度】'));
    expect(lines[weekly]).toMatchObject({ at: '2026-11-30T09:00:08+08:00', room: '全区重点项目调度群' });
    expect(lines[weekly]!.text).toBe(
      [
        '【周调度】2026年第48周（11月23日至11月29日）',
        '一、总体情况',
        '日报报送率 30.0%（应报 10 份，已报 3 份）；',
        '开工率 100.0%（应开工 2 个，已开工 2 个）；入库率 100.0%；',
        '本周完成投资 150 万元，年度累计 2950 万元，完成年度计划 5.4%，低于序时进度 85.9 个百分点；',
        '红灯 2 个、黄灯 0 个、绿灯 0 个，新转红 2 个。',
        '二、红灯项目（2 个）',
        '· 精细化工中间体项目：已连续 3 个工作日未报日报（帮包领导：王区长）',
        '· 港口物流仓储中心：已连续 4 个工作日未报日报（帮包领导：陈副区长）',
        '三、问题：本周新提出 1 项，销号 0 项，未销号 1 项。',
        '四、领导点评：王区长 0/2（0.0%）；陈副区长 0/1（0.0%）',
        '排名表和图表见下图。',
      ].join('\n'),
    );
    expect(lines[weekly + 1]).toEqual({ at: '2026-11-30T09:00:10+08:00', room: '全区重点项目调度群', file: '2026年第48周全区重点项目周调度.png', text: '' });
    // At 9:30 each responsible leader gets the week of their own project in private.
    const digests = lines.filter((l) => l.to && l.text.includes('【帮包项目周报】'));
    expect(digests.map((l) => [l.at, l.to])).toEqual([
      ['2026-11-30T09:30:00+08:00', '王区长'],
      ['2026-11-30T09:30:02+08:00', '陈副区长'],
    ]);
    expect(digests[0]!.text).toContain('🔴 精细化工中间体项目：报送 2/5 天');
    expect(digests[0]!.text).not.toContain('港口物流');
  });

  it('follows the holiday calendar: no reminders in the National Day holiday, one on the adjusted working Saturday', async () => {
    const { code, lines } = await simulate(['data/scenarios/national-day.json']);
    expect(code).toBe(0);
    const reminderDays = lines.filter((l) => l.text.includes('【日报提醒】')).map((l) => l.at.slice(0, 10));
    expect(reminderDays).toEqual(['2026-10-08', '2026-10-10']);
    const boardDays = lines.filter((l) => l.text.startsWith('【日晒榜】')).map((l) => l.at.slice(0, 10));
    expect(boardDays).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('warns on a ladder: late start daily and weekly to dispatch, lag behind plan, yellow then red for missed reports', async () => {
    const { code, lines } = await simulate(['data/scenarios/warnings.json']);
    expect(code).toBe(0);
    const warnings = lines.filter((l) => l.text.includes('【预警】'));
    const chem = warnings.filter((l) => l.room === '精细化工项目工作群');
    expect(chem.map((l) => l.at.slice(0, 10))).toEqual(['2026-11-24', '2026-11-26', '2026-11-27']);
    expect(chem[0]!.text).toContain('🔴 精细化工中间体项目 形象进度 20%，序时进度 61.2%，落后 41.2 个百分点');
    expect(chem[1]).toMatchObject({ mentions: ['张三'] });
    expect(chem[1]!.text).toContain('🟡 精细化工中间体项目 已连续 2 个工作日未报日报');
    expect(chem[2]).toMatchObject({ mentions: ['张三', '王区长'] });
    expect(chem[2]!.text).toContain('🔴 精细化工中间体项目 已连续 3 个工作日未报日报');
    // The late start is chased in its group every workday, and reported to the dispatch group on Monday.
    expect(warnings.filter((l) => l.room === '电池材料项目工作群')).toHaveLength(5);
    const dispatch = warnings.filter((l) => l.room === '全区重点项目调度群');
    expect(dispatch[0]!.text).toContain('逾期未开工 1 个（每周一通报）');
    expect(dispatch.filter((l) => l.text.includes('逾期未开工'))).toHaveLength(1);
  });

  it('keeps the database for inspection when --db is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-sim-'));
    const db = path.join(dir, 'sim.db');
    const { code } = await simulate(['data/scenarios/national-day.json', '--db', db]);
    expect(code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad scenario with the path of each bad key', async () => {
    const r = readScenario({
      start: '2026-11-23 08:00',
      registry: [{ name: '甲项目', status: '在建' }],
      groups: [{ topic: '甲群', members: ['张三'], projects: ['乙项目'] }],
      steps: [{ at: '2026-11-23T09:00:00+08:00', from: '张三', text: '收到', room: '甲群' }],
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.startsWith('start:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('steps[0]'))).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-sim-'));
    const file = path.join(dir, 's.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        start: '2026-11-23T08:00:00+08:00',
        registry: [{ name: '甲项目', status: '在建', plannedStart: '2026-13-01' }],
        groups: [{ topic: '甲群', members: ['张三'], projects: ['甲项目'] }],
        settings: { 提醒: '25:00', 滞后黄: '50' },
      }),
    );
    const bad = await simulate([file]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain('registry[0]');
    const fixed = JSON.parse(fs.readFileSync(file, 'utf8'));
    fixed.registry[0].plannedStart = '2026-03-01';
    fs.writeFileSync(file, JSON.stringify(fixed));
    const settings = await simulate([file]);
    expect(settings.code).toBe(1);
    expect(settings.err[0]).toContain('settings.提醒');
    expect(settings.err[0]).toContain('settings.滞后黄: 黄色阈值须小于红色阈值');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
