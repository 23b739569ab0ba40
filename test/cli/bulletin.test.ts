import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, type CliIo } from '../../src/cli/index';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
  return { code: await runCli(args, io), out, err };
}

describe('rishai bulletin', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-bulletin-'));
    // A week of the real bot in virtual time fills the database the bulletin reads.
    expect((await cli(['simulate', 'data/scenarios/week.json', '--db', path.join(dir, 'r.db')])).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes bulletin.md and prints the figures as one JSON object', async () => {
    const out = path.join(dir, 'w48');
    const r = await cli(['bulletin', 'weekly', '--period', '2026-W48', '--db', path.join(dir, 'r.db'), '--out', out, '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out[0]!);
    expect(f.kind).toBe('weekly');
    expect(f.period).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // Two projects, Mon–Fri: 10 due project-days; 精细化工 reported Mon and Tue, 港口物流 Mon only.
    expect(f.overall.reporting).toEqual({ due: 10, received: 3, missed: 7, rate: 30 });
    expect(f.byTown.map((g: { key: string }) => g.key)).toEqual(['临港镇']);
    expect(f.byUnit).toHaveLength(2);
    expect(f.rankings.projects[0].entries[0]).toEqual({ rank: 1, key: '精细化工中间体项目', value: 40 });
    const md = fs.readFileSync(path.join(out, 'bulletin.md'), 'utf8');
    expect(md.startsWith('# 周调度：11月23日至11月29日\n')).toBe(true);
    expect(md).toContain('| 临港镇 | 2 | 30% |');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'bulletin.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '按镇街', '按单位', '项目明细', '问题', '预警']);
    const png = fs.readFileSync(path.join(out, 'bulletin.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(900); // IHDR width
  });

  it('adds the month before and 表扬/通报批评 to a monthly bulletin, in the JSON and the Markdown', async () => {
    const out = path.join(dir, 'm11');
    const r = await cli(['bulletin', 'monthly', '--period', '2026-11', '--db', path.join(dir, 'r.db'), '--out', out, '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out[0]!);
    // The bot was bound on 23 November: October owed nothing, so there is nothing to compare with.
    expect(f.previousOverall).toBeNull();
    expect(f.honours.commended).toEqual([]);
    expect(f.honours.criticised.map((h: { name: string }) => h.name)).toEqual(['港口物流仓储中心', '精细化工中间体项目']);
    const md = fs.readFileSync(path.join(out, 'bulletin.md'), 'utf8');
    expect(md).not.toContain('上期');
    expect(md).toContain('## 通报批评\n\n- 港口物流仓储中心：日报报送率');
  });

  it('exports raw reports with every revision to xlsx', async () => {
    const file = path.join(dir, 'reports.xlsx');
    const r = await cli(['export', 'reports', '--from', '2026-11-23', '--to', '2026-11-29', '--out', file, '--db', path.join(dir, 'r.db')]);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('日报')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('项目名称');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The week scenario has three reports, none revised.
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['精细化工中间体项目', '2026-11-23', 1, '是', 38, 14200]));
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('0.00');
    expect((await cli(['export', 'reports', '--from', '11-23'])).code).toBe(2);
  });

  it('refuses a period it cannot read and an unknown kind', async () => {
    expect((await cli(['bulletin', 'weekly', '--period', '2026-W60', '--db', path.join(dir, 'r.db')])).code).toBe(1);
    expect((await cli(['bulletin', 'hourly', '--db', path.join(dir, 'r.db')])).code).toBe(2);
  });
});
