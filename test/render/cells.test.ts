import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sheetText } from '../../src/render/cells';
import { bulletinWorkbook } from '../../src/render/xlsx';
import { computeStats } from '../../src/core/stats/stats';
import { periodOf } from '../../src/core/stats/period';
import type { StatsInput } from '../../src/core/stats/types';
import { runCli, type CliIo } from '../../src/cli/index';
import { Harness } from '../support/harness';
import { statsProject, statsReport } from '../support/stats';

const FORMULA = '=HYPERLINK("http://evil.example","点击查看")';

describe('text from chat in a spreadsheet', () => {
  it('is made inert when a spreadsheet would take it for a formula, and left alone otherwise', () => {
    for (const lead of ['=', '+', '-', '@', '\t=', '\r=']) expect(sheetText(`${lead}1+1`)).toBe(`'${lead}1+1`);
    for (const plain of ['征地未完成', '1+1', ' =1', '（一）=', '']) expect(sheetText(plain)).toBe(plain);
  });

  it('reaches the bulletin workbook as a string cell, escaped', () => {
    const input: StatsInput = {
      period: periodOf('month', '2026-11'),
      today: '2026-12-01',
      projects: [statsProject({ id: 1, name: '@甲项目', town: '+东城', unit: '-住建局', plannedStart: '2026-03-01' })],
      reports: [statsReport(1, '2026-11-02', { progressPercent: 40 })],
      stoppages: [],
      problems: [{ id: 1, projectId: 1, text: FORMULA, firstDate: '2026-11-02', status: 'open', closedAt: null }],
      comments: [],
      leaders: new Map(),
      boundSince: new Map([[1, '2026-11-01']]),
      firstReported: new Map([[1, '2026-11-02']]),
      isWorkday: () => true,
    };
    const book = bulletinWorkbook({ title: '通报', byTown: computeStats(input, 'town'), byUnit: computeStats(input, 'unit'), projects: input.projects });
    const problems = book.getWorksheet('问题')!;
    const row = problems.getRow(4);
    expect([2, 3, 4, 5].map((c) => row.getCell(c).value)).toEqual(["'@甲项目", "'+东城", "'-住建局", `'${FORMULA}`]);
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String);
  });

  it('reaches the exported reports escaped, from a report sent in a group', async () => {
    const h = await new Harness().start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cells-'));
    try {
      h.world.room('化工项目工作群', ['张三', '李主任']);
      await h.say('李主任', '化工项目工作群', '#绑定 精细化工中间体项目');
      const [ack] = await h.say('张三', '化工项目工作群', `#日报\n形象进度：40%\n今日进展：${FORMULA}\n存在问题：@所有人 -征地未完成`);
      expect(ack).toContain('已收到');
      const out = path.join(dir, 'r.xlsx');
      const err: string[] = [];
      const io: CliIo = { stdin: async () => '', out: () => undefined, err: (s) => err.push(s) };
      expect(await runCli(['export', 'reports', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out, '--db', h.dbFile], io)).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const row = book.worksheets[0]!.getRow(2);
      expect(row.getCell(7).value).toBe(`'${FORMULA}`);
      expect(row.getCell(12).value).toBe("'@所有人 -征地未完成");
    } finally {
      await h.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
