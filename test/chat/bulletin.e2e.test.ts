import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Harness } from '../support/harness';

const GROUP = '化工物流项目群';
const DISPATCH = '全区重点项目调度群';
const TITLE = '2026年10月全区重点项目建设情况通报';

describe('monthly bulletin (月通报) in the dispatch group', () => {
  let h: Harness;
  const report = async (date: string, percent: number) => {
    h.clock.set(`${date}T17:00:00+08:00`);
    await h.say('张三', GROUP, `#日报 项目：精细化工；形象进度：${percent}%；今日进展：主体施工`);
  };

  beforeEach(async () => {
    h = await new Harness('2026-09-28T10:00:00+08:00').start();
    h.world.room(GROUP, ['张三', '赵敏', '王区长', '李主任']);
    h.world.room(DISPATCH, ['李主任', '王区长']);
    await h.say('李主任', GROUP, '#绑定 精细化工中间体项目、港口物流仓储中心');
    await h.say('李主任', DISPATCH, '#设置 调度群');
    // September: 3 workdays × 2 projects due, 2 reported. October: 18 workdays × 2 due (Oct 1–7 holiday, Sat Oct 10 worked), 3 reported.
    for (const [date, percent] of [['2026-09-28', 38], ['2026-09-29', 39], ['2026-10-08', 40], ['2026-10-09', 41], ['2026-10-12', 42]] as const) {
      await report(date, percent);
    }
  });
  afterEach(() => h.stop());

  it('posts the text with last month for comparison, then the image, then the workbook, each once', async () => {
    h.clock.set('2026-11-01T09:00:00+08:00');
    const before = h.world.sent.length;
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    const sent = h.world.sent.slice(before);
    expect(sent.map((s) => [s.room, s.file ?? s.text.split('\n')[0]])).toEqual([
      [DISPATCH, '【月通报】2026年10月（10月1日至10月31日）'],
      [DISPATCH, `${TITLE}.png`],
      [DISPATCH, `${TITLE}.xlsx`],
    ]);
    expect(sent[0]!.text).toContain('日报报送率 8.3%，比上月下降 25.0 个百分点（应报 36 份，已报 3 份）');
    // By the default rules: under 80% of reports, a red light, no progress for 14 days or more.
    expect(sent[0]!.text).toContain(
      '、通报批评\n· 精细化工中间体项目：日报报送率 16.7%（低于 80%）；红灯：连续 14 个工作日未报日报；形象进度 19 天无变化\n· 港口物流仓储中心：日报报送率 0.0%（低于 80%）；红灯：连续 21 个工作日未报日报\n',
    );
    expect(sent[0]!.text).toContain('完整通报见 Excel 附件');
    // Text, then image, then workbook: each file waits for the message before it.
    const rows = h.db.prepare("SELECT key, after_key AS after FROM outbox WHERE key LIKE 'job:monthlyBulletin:%' ORDER BY id").all() as { key: string; after: string | null }[];
    const textKey = rows[0]!.key;
    expect(rows).toEqual([
      { key: textKey, after: null },
      { key: `${textKey}:png`, after: textKey },
      { key: `${textKey}:xlsx`, after: `${textKey}:png` },
    ]);

    // The workbook the group received is the full bulletin.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(h.dir, 'bulletins', 'month-2026-10', `${TITLE}.xlsx`));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '按镇街', '按单位', '项目明细', '问题', '预警']);
    expect(book.getWorksheet('汇总')!.getCell('A1').value).toBe(TITLE);
    const projects = book.getWorksheet('项目明细')!;
    const header = (projects.getRow(3).values as unknown[]).indexOf('表扬/通报批评');
    const port = projects.getColumn(2).values.indexOf('港口物流仓储中心');
    expect(String(projects.getCell(port, header).value)).toMatch(/^通报批评：日报报送率 0\.0%/);
    const png = fs.readFileSync(path.join(h.dir, 'bulletins', 'month-2026-10', `${TITLE}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    // Later ticks in the month, or the slot finished again after a crash, send nothing twice.
    h.clock.set('2026-11-01T09:05:00+08:00');
    await h.app.scheduler.tick();
    h.db.prepare("UPDATE job_runs SET status = 'running' WHERE job = 'monthlyBulletin'").run();
    await h.app.scheduler.resumeInterrupted();
    expect(h.db.prepare("SELECT status FROM job_runs WHERE job = 'monthlyBulletin'").pluck().all()).toEqual(['done']);
    await h.app.sender.drain();
    expect(h.world.sent.length).toBe(before + 3);
    expect(h.app.stores.outbox.countByStatus()).not.toHaveProperty('pending');
  });

  it('still sends the text when the files cannot be written, records the failure and tells the admins', async () => {
    fs.writeFileSync(path.join(h.dir, 'bulletins'), 'not a directory');
    h.clock.set('2026-11-01T09:00:00+08:00');
    const before = h.world.sent.length;
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    const sent = h.world.sent.slice(before);
    expect(sent.filter((s) => s.room).map((s) => s.file ?? s.text.split('\n')[0])).toEqual(['【月通报】2026年10月（10月1日至10月31日）']);
    expect(sent.filter((s) => s.to).map((s) => [s.to, s.text])).toEqual([['李主任', expect.stringMatching(/^【日晒告警】日程「月通报」（2026-11-01）运行失败：ENOTDIR.*bulletins/)]]);
    expect(h.db.prepare("SELECT status, error FROM job_runs WHERE job = 'monthlyBulletin'").get()).toMatchObject({ status: 'failed', error: expect.stringContaining('bulletins') });
  });

  it('says nothing when no dispatch group is set', async () => {
    h.db.prepare('UPDATE groups SET is_dispatch = 0').run();
    h.clock.set('2026-11-01T09:00:00+08:00');
    const before = h.world.sent.length;
    await h.app.scheduler.tick();
    await h.app.sender.drain();
    expect(h.world.sent.slice(before)).toEqual([]);
    expect(fs.existsSync(path.join(h.dir, 'bulletins'))).toBe(false);
  });
});
