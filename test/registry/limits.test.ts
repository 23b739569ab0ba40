import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { runCli, type CliIo } from '../../src/cli/index';
import { importRegistry } from '../../src/features/registry/import';
import { readRegistryFile, type RegistryReadResult } from '../../src/features/registry/read';
import { MAX_FILE_BYTES } from '../../src/features/registry/sheet';
import { MAX_PART_BYTES } from '../../src/features/registry/xlsx';
import { openDb } from '../../src/store/db';
import { ProjectStore } from '../../src/store/projects';
import { rowsXml, sheetXml, writeSheet } from './xlsx-parts';

const SAMPLE = path.join(__dirname, '..', '..', 'data', 'projects.csv');
const T1 = new Date('2026-11-26T01:00:00Z');

function errorsOf(result: RegistryReadResult): string[] {
  if (result.ok) throw new Error('expected errors, got projects');
  return result.errors.map((e) => e.message);
}

function namesOf(result: RegistryReadResult): string[] {
  if (!result.ok) throw new Error(`expected projects, got ${JSON.stringify(result.errors.slice(0, 5))}`);
  return result.rows.map((r) => r.project.name);
}

const TOO_LONG_IN_FILE = '文件里有超过 32767 字的单元格（Excel 单元格的上限），文件可能已损坏';

describe('registry import limits', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-limits-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  const writeXlsx = async (name: string, rows: ExcelJS.CellValue[][]): Promise<string> => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    for (const row of rows) sheet.addRow(row);
    const file = path.join(dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  };

  describe('file size', () => {
    it('refuses a file over 20 MB before reading it', async () => {
      for (const name of ['big.xlsx', 'big.csv']) {
        // Sparse zeros: were the file read, the answer would be about its content instead.
        const file = path.join(dir, name);
        fs.writeFileSync(file, '');
        fs.truncateSync(file, MAX_FILE_BYTES + 1);
        expect(errorsOf(await readRegistryFile(file))).toEqual([
          `文件「${name}」有 20.1 MB，超过上限 20 MB；项目台账通常不到 5 MB，请检查是否选错了文件`,
        ]);
      }
    });

    it('refuses what is not a file, which could read on for ever', async () => {
      fs.mkdirSync(path.join(dir, 'folder.csv'));
      expect(errorsOf(await readRegistryFile(path.join(dir, 'folder.csv')))).toEqual(['「folder.csv」不是文件，请指定 .csv 或 .xlsx 文件']);
    });

    it('reads a file of exactly 20 MB', async () => {
      const file = path.join(dir, 'edge.xlsx');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_FILE_BYTES);
      expect(errorsOf(await readRegistryFile(file))).toEqual(['无法打开 xlsx 文件，可能已损坏或不是 Excel 文件']);
    });
  });

  describe('cell length', () => {
    const HEADER = '项目名称,简称,责任单位,总投资,状态';

    it('refuses a cell longer than its column takes, naming row and column', async () => {
      const csv = [
        HEADER,
        `${'甲'.repeat(101)},,,,在建`,
        `乙,${'简'.repeat(201)},,,在建`,
        `丙,,${'单'.repeat(101)},,在建`,
        `丁,,,${'1'.repeat(31)},在建`,
        `戊,,,,${'在'.repeat(31)}`,
      ].join('\n');
      expect(errorsOf(await readRegistryFile(write('long.csv', csv)))).toEqual([
        '第2行 项目名称超过 100 字（现有 101 字），请精简',
        '第3行 简称超过 200 字（现有 201 字），请精简',
        '第4行 责任单位超过 100 字（现有 101 字），请精简',
        '第5行 总投资超过 30 字（现有 31 字），请精简',
        '第6行 状态超过 30 字（现有 31 字），请精简',
      ]);
    });

    it('takes cells at their column\'s limit, counting characters not bytes', async () => {
      const csv = [HEADER, `${'甲'.repeat(99)}😀,${'简'.repeat(200)},${'单'.repeat(100)},50000,在建`].join('\n');
      expect(namesOf(await readRegistryFile(write('edge.csv', csv)))).toEqual([`${'甲'.repeat(99)}😀`]);
    });

    it('names the sheet row of an over-long cell in an xlsx', async () => {
      const file = await writeXlsx('long.xlsx', [['示范区台账'], ['项目名称', '状态'], ['港口物流仓储中心', '在建'], ['甲'.repeat(150), '在建']]);
      expect(errorsOf(await readRegistryFile(file))).toEqual(['第4行 项目名称超过 100 字（现有 150 字），请精简']);
    });

    it('does not also quote a refused name where it repeats', async () => {
      const long = '甲'.repeat(101);
      const csv = [HEADER, `${long},,,,在建`, `${long},,,,在建`].join('\n');
      expect(errorsOf(await readRegistryFile(write('twice.csv', csv)))).toEqual([
        '第2行 项目名称超过 100 字（现有 101 字），请精简',
        '第3行 项目名称超过 100 字（现有 101 字），请精简',
      ]);
    });
  });

  describe('control characters', () => {
    it('refuses a NUL in a project name and changes nothing', async () => {
      const db = openDb(path.join(dir, 'rishai.db'));
      try {
        const store = new ProjectStore(db);
        expect(await importRegistry(store, SAMPLE, T1)).toMatchObject({ ok: true });
        const before = store.list();
        const file = write('nul.csv', '项目名称,状态\n新项目,在建\n港口\u0000物流,在建\n');
        expect(await importRegistry(store, file, T1)).toEqual({
          ok: false,
          errors: [{ line: 3, message: '第3行 项目名称含有控制字符 U+0000，请删除' }],
        });
        expect(store.list()).toEqual(before);
      } finally {
        db.close();
      }
    });

    it('refuses control characters as Excel writes them, and line breaks in names and aliases', async () => {
      const file = await writeXlsx('controls.xlsx', [
        ['项目名称', '简称', '镇街', '责任单位', '总投资', '状态'],
        ['甲_x0000_项目', '', '', '', '', '在建'],
        ['乙项目', '乙\t项目', '', '', '', '在建'],
        ['丙\n项目', '', '', '', '', '在建'],
        ['丁项目', '', '临港\u0085镇', '', '5_x007F_0', '在建'],
      ]);
      expect(errorsOf(await readRegistryFile(file))).toEqual([
        '第2行 项目名称含有控制字符 U+0000，请删除',
        '第3行 简称含有制表符，请删除',
        '第4行 项目名称含有换行，请删除',
        '第5行 镇街含有控制字符 U+0085，请删除',
        '第5行 总投资含有控制字符 U+007F，请删除',
      ]);
    });

    it('keeps line breaks and tabs in a text column typed over several lines', async () => {
      const file = await writeXlsx('multiline.xlsx', [
        ['项目名称', '责任单位', '帮包领导', '状态'],
        ['港口物流仓储中心', '区交通运输局\n临港镇', '王区长\t李局长', '在建'],
      ]);
      const result = await readRegistryFile(file);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.rows[0]?.project).toMatchObject({ unit: '区交通运输局\n临港镇', leader: '王区长\t李局长' });
    });
  });

  describe('rows', () => {
    const projects = (count: number, from = 1): string[] => Array.from({ length: count }, (_, i) => `项目${from + i},在建`);

    it('takes 10,000 projects, not counting rows with nothing in a registry column', async () => {
      const csv = ['项目名称,状态,备注', ...projects(10_000), ...Array.from({ length: 5 }, () => ',,只有备注'), ''].join('\n');
      expect(namesOf(await readRegistryFile(write('full.csv', csv)))).toHaveLength(10_000);
    });

    it('refuses more than 10,000 projects, naming the first row over', async () => {
      const csv = ['台账', '项目名称,状态', ...projects(10_001), ''].join('\n');
      expect(errorsOf(await readRegistryFile(write('over.csv', csv)))).toEqual([
        '第10003行起超出上限：一次最多导入 10000 个项目，请分成几个文件分别导入',
      ]);
    });

    it('stops reading an xlsx at the row limit', async () => {
      const rows = [['项目名称', '状态'], ...Array.from({ length: 10_001 }, (_, i) => [`项目${i + 1}`, '在建'])];
      // Reading on would find this cell and answer about it instead.
      const beyond = `<row r="10010"><c r="A10010" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`;
      const file = writeSheet(path.join(dir, 'over.xlsx'), sheetXml(rowsXml(rows) + beyond));
      expect(errorsOf(await readRegistryFile(file))).toEqual(['第10002行起超出上限：一次最多导入 10000 个项目，请分成几个文件分别导入']);
    });

    it('ignores columns past CV (the 100th)', async () => {
      const header = ['项目名称', '简称', ...Array<string>(98).fill('备注'), '状态'];
      const row = ['甲', ...Array<string>(99).fill(''), '在建'];
      expect(errorsOf(await readRegistryFile(write('wide.csv', `${header.join(',')}\n${row.join(',')}\n`)))).toEqual(['第1行 表头缺少「状态」列']);
    });
  });

  describe('huge cells', () => {
    it('refuses a 2 MB shared string in an xlsx as soon as it is read', async () => {
      const file = await writeXlsx('huge.xlsx', [['项目名称', '状态', '备注'], ['港口物流仓储中心', '在建', 'x'.repeat(2 * 1024 * 1024)]]);
      expect(errorsOf(await readRegistryFile(file))).toEqual([TOO_LONG_IN_FILE]);
    });

    it('refuses a 2 MB cell written in the sheet before reaching its end, naming row and column', async () => {
      const xml = sheetXml(rowsXml([['项目名称', '状态'], ['甲', '在建'], ['乙', 'x'.repeat(2 * 1024 * 1024)]]));
      // The compressed part breaks off inside the cell: read that far, the file would be refused as corrupt instead.
      const deflated = zlib.deflateRawSync(xml);
      const file = writeSheet(path.join(dir, 'inline.xlsx'), { deflated: deflated.subarray(0, deflated.length / 2), size: xml.length, crc: 0 });
      expect(errorsOf(await readRegistryFile(file))).toEqual([
        '第3行 B列 单元格超过 32767 字（Excel 单元格的上限），文件可能已损坏，已停止读取',
      ]);
    });

    it('refuses a CSV cell over 32,767 characters, hinting at a stray quote when it spans lines', async () => {
      const at = (cell: string) => `项目名称,状态,备注\n甲,在建,"${cell}"\n`;
      expect(namesOf(await readRegistryFile(write('edge.csv', at('x'.repeat(32_767)))))).toEqual(['甲']);
      expect(errorsOf(await readRegistryFile(write('long.csv', at('x'.repeat(32_768)))))).toEqual([
        '第2行 C列 单元格超过 32767 字（Excel 单元格的上限），文件可能已损坏，已停止读取',
      ]);
      expect(errorsOf(await readRegistryFile(write('quote.csv', at(`x\n${'y'.repeat(32_767)}`))))).toEqual([
        '第2行 C列 单元格超过 32767 字（Excel 单元格的上限），可能是引号不成对，已停止读取',
      ]);
    });
  });

  describe('zip bombs', () => {
    const TOO_BIG = `文件解压后过大（xl/worksheets/sheet1.xml 超过 ${MAX_PART_BYTES / 1024 / 1024} MB），不像是项目台账，请检查文件`;

    it('refuses a part the zip says is over the cap, without inflating it', async () => {
      const sheet = sheetXml(rowsXml([['项目名称', '状态'], ['甲', '在建']]));
      const file = writeSheet(path.join(dir, 'declared.xlsx'), sheet, MAX_PART_BYTES + 1);
      expect(errorsOf(await readRegistryFile(file))).toEqual([TOO_BIG]);
    });

    it('stops inflating a part that understates its size at the cap', async () => {
      // Tags with long attributes: well-formed, quick to parse, and no text run long enough to stop reading first.
      const block = Buffer.from(`<x a="${'a'.repeat(60_000)}"/>`);
      const inflated = Buffer.concat([sheetXml('').subarray(0, -'</sheetData></worksheet>'.length), ...Array(1_200).fill(block)]);
      // Its checksum is as made up as its size.
      const file = writeSheet(path.join(dir, 'bomb.xlsx'), { deflated: zlib.deflateRawSync(inflated), size: inflated.length, crc: 0 }, 1000);
      expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
      expect(errorsOf(await readRegistryFile(file))).toEqual([TOO_BIG]);
    });
  });

  describe('rishai import', () => {
    function io() {
      const err: string[] = [];
      const cli: CliIo = { stdin: async () => '', out: () => undefined, err: (s) => err.push(s) };
      return { cli, err };
    }

    it('prints the first 200 errors and counts the rest, changing nothing', async () => {
      const db = path.join(dir, 'r.db');
      const file = write('bad.csv', ['项目名称,状态', ...Array.from({ length: 250 }, (_, i) => `项目${i + 1},施工中`)].join('\n'));
      const t = io();
      expect(await runCli(['import', file, '--db', db], t.cli)).toBe(1);
      const lines = t.err.join('\n').split('\n');
      expect(lines).toHaveLength(1 + 200 + 1);
      expect(lines[0]).toBe('台账有误，未做任何修改：');
      expect(lines[1]).toBe('第2行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建');
      expect(lines[200]).toBe('第201行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建');
      expect(lines[201]).toBe('另有 50 处错误未列出');
      const conn = openDb(db);
      expect(conn.prepare('SELECT COUNT(*) FROM projects').pluck().get()).toBe(0);
      conn.close();
    });

    it('prints every error when there are 200', async () => {
      const file = write('bad.csv', ['项目名称,状态', ...Array.from({ length: 200 }, (_, i) => `项目${i + 1},施工中`)].join('\n'));
      const t = io();
      expect(await runCli(['import', file, '--db', path.join(dir, 'r.db')], t.cli)).toBe(1);
      expect(t.err.join('\n').split('\n')).toHaveLength(1 + 200);
    });
  });

  it('imports a 5,000-project xlsx', async () => {
    const header = ['序号', '项目名称', '简称', '镇街', '责任单位', '总投资（万元）', '计划开工', '计划竣工', '状态', '入库'];
    const rows = Array.from({ length: 5000 }, (_, i) => [
      i + 1,
      `第${i + 1}号精细化工中间体项目`,
      `化工${i + 1}、精化${i + 1}`,
      `临港${i % 20}镇`,
      '区发展和改革局',
      120000 + i,
      new Date(Date.UTC(2025, 2, 1)),
      new Date(Date.UTC(2027, 11, 31)),
      '在建',
      i % 2 ? '是' : '否',
    ]);
    const file = await writeXlsx('5000.xlsx', [['示范区2026年重点项目台账'], header, ...rows]);
    const db = openDb(path.join(dir, 'rishai.db'));
    try {
      const store = new ProjectStore(db);
      expect(await importRegistry(store, file, T1)).toEqual({ ok: true, summary: { inserted: 5000, updated: 0, unchanged: 0 } });
      expect(store.list()).toHaveLength(5000);
      expect(store.byName('第5000号精细化工中间体项目')).toMatchObject({
        aliases: ['化工5000', '精化5000'],
        town: '临港19镇',
        totalInvestment: 124999,
        plannedStart: '2025-03-01',
        plannedFinish: '2027-12-31',
        status: '在建',
        registered: true,
      });
    } finally {
      db.close();
    }
  });
});
