import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseRegistryRows, readRegistryFile, type RegistryReadResult } from '../../src/features/registry/read';
import { type ProjectInput } from '../../src/domain/project';
import { rowsXml, sheetXml, writeSheet } from './xlsx-parts';

const SAMPLE = path.join(__dirname, '..', '..', 'data', 'projects.csv');

const HEADER = '项目名称,简称,类别,产业链,镇街,责任单位,帮包领导,联络员,总投资,年度计划投资,计划开工,计划竣工,状态,入库';
const ROW_A = '精细化工中间体项目,化工中间体、精细化工,省重大项目,精细化工,临港镇,临港化工园区管委会,王区长,张三,120000,35000,2025-03-01,2027-12-31,在建,是';
const ROW_B = '港口物流仓储中心,港口物流,市重点,现代物流,临港镇,区交通运输局,陈副区长,赵敏,60000,20000,2026-04-01,2027-10-31,未开工,否';

const PROJECT_A: ProjectInput = {
  name: '精细化工中间体项目',
  aliases: ['化工中间体', '精细化工'],
  category: '省重大项目',
  chain: '精细化工',
  town: '临港镇',
  unit: '临港化工园区管委会',
  leader: '王区长',
  liaison: '张三',
  totalInvestment: 120000,
  annualPlan: 35000,
  plannedStart: '2025-03-01',
  plannedFinish: '2027-12-31',
  status: '在建',
  registered: true,
};

function projectsOf(result: RegistryReadResult): ProjectInput[] {
  if (!result.ok) throw new Error(`expected projects, got ${JSON.stringify(result.errors)}`);
  return result.rows.map((r) => r.project);
}

function errorsOf(result: RegistryReadResult): { line: number; message: string }[] {
  if (result.ok) throw new Error('expected errors, got projects');
  return result.errors;
}

/** One record with the required columns, overridable per test. */
const row = (cells: Record<string, unknown> = {}): Record<string, unknown> => ({ 项目名称: '港口物流仓储中心', 状态: '在建', ...cells });

/** Parses one data row (line 2) and returns the project. */
const one = (cells: Record<string, unknown>): ProjectInput => {
  const [project] = projectsOf(parseRegistryRows([row(cells)], 2));
  if (!project) throw new Error('no project');
  return project;
};

/** Parses one data row (line 2) and returns its error messages. */
const problems = (cells: Record<string, unknown>): string[] => errorsOf(parseRegistryRows([row(cells)], 2)).map((e) => e.message);

describe('parseRegistryRows', () => {
  it('reads a full row with Chinese headers', () => {
    const [header, values] = [HEADER.split(','), ROW_A.split(',')];
    const record = Object.fromEntries(header.map((h, i) => [h, values[i]]));
    expect(projectsOf(parseRegistryRows([record], 2))).toEqual([PROJECT_A]);
  });

  it('accepts English keys in any order, ignores unknown columns, trims full-width spaces', () => {
    const record = {
      status: '\u3000停缓建 ',
      备注: '随便写',
      name: ' \u3000港口物流仓储中心\u3000',
      liaison: '\u3000赵敏',
      totalInvestment: '60000',
    };
    expect(projectsOf(parseRegistryRows([record], 2))[0]).toMatchObject({ name: '港口物流仓储中心', status: '停缓建', liaison: '赵敏', totalInvestment: 60000 });
  });

  it('tolerates case in English keys and a unit after a Chinese header', () => {
    expect(one({ TotalInvestment: '1亿', '年度计划投资（万元）': '2,000' })).toMatchObject({ totalInvestment: 10000, annualPlan: 2000 });
  });

  it('fills blanks with null, no aliases and not registered', () => {
    expect(one({ 简称: '', 类别: '  ', 总投资: null, 计划开工: undefined, 入库: '' })).toEqual({
      name: '港口物流仓储中心',
      aliases: [],
      category: null,
      chain: null,
      town: null,
      unit: null,
      leader: null,
      liaison: null,
      totalInvestment: null,
      annualPlan: null,
      plannedStart: null,
      plannedFinish: null,
      status: '在建',
      registered: false,
    });
  });

  it.each([
    ['50000', 50000],
    ['50,000', 50000],
    ['5亿', 50000],
    ['5亿元', 50000],
    ['1.15亿', 11500],
    ['8500万元', 8500],
    ['8500万', 8500],
    [' 12,345.5 ', 12345.5],
    ['５０００', 5000],
    [50000, 50000],
    [0, 0],
  ])('reads money %p as %p 万元', (input, expected) => {
    expect(one({ 总投资: input }).totalInvestment).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-3-1', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2028-02-29', '2028-02-29'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [46082, '2026-03-01'],
  ])('reads date %p as %p', (input, expected) => {
    expect(one({ 计划开工: input }).plannedStart).toBe(expected);
  });

  it.each([
    ['是', true],
    ['Y', true],
    ['y', true],
    ['1', true],
    ['TRUE', true],
    [true, true],
    [1, true],
    ['否', false],
    ['N', false],
    ['0', false],
    ['false', false],
    [false, false],
    ['', false],
  ])('reads 入库 %p as %p', (input, expected) => {
    expect(one({ 入库: input }).registered).toBe(expected);
  });

  it('splits aliases on 、，and , and drops blanks and repeats', () => {
    expect(one({ 简称: '港口物流，港口、 物流中心 ,,港口物流' }).aliases).toEqual(['港口物流', '港口', '物流中心']);
  });

  it('keeps other categories as text and accepts equal start and finish', () => {
    expect(one({ 类别: '市级重点预备', 计划开工: '2026-05-01', 计划竣工: '2026/5/1' })).toMatchObject({
      category: '市级重点预备',
      plannedStart: '2026-05-01',
      plannedFinish: '2026-05-01',
    });
  });

  it.each([
    [{ 项目名称: '' }, '第2行 项目名称不能为空'],
    [{ 状态: '' }, '第2行 状态不能为空，应为 未开工/在建/已竣工/停缓建'],
    [{ 状态: '施工中' }, '第2行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建'],
    [{ 计划开工: '2026-13-01' }, '第2行 计划开工「2026-13-01」不是有效日期，应为 YYYY-MM-DD'],
    [{ 计划竣工: '2026-02-30' }, '第2行 计划竣工「2026-02-30」不是有效日期，应为 YYYY-MM-DD'],
    [{ 计划开工: '明年三月' }, '第2行 计划开工「明年三月」不是有效日期，应为 YYYY-MM-DD'],
    [{ 计划开工: '2026/3-1' }, '第2行 计划开工「2026/3-1」不是有效日期，应为 YYYY-MM-DD'],
    [{ 计划开工: 2026 }, '第2行 计划开工「2026」不是有效日期，应为 YYYY-MM-DD'],
    [{ 计划开工: '2026-06-01', 计划竣工: '2026-01-01' }, '第2行 计划竣工「2026-01-01」早于计划开工「2026-06-01」'],
    [{ 总投资: '-100' }, '第2行 总投资「-100」不能为负数'],
    [{ 年度计划投资: -5 }, '第2行 年度计划投资「-5」不能为负数'],
    [{ 总投资: '五千万' }, '第2行 总投资「五千万」不是有效金额，应为万元数，如 50000、5亿、8500万元'],
    [{ 总投资: '50000元' }, '第2行 总投资「50000元」不是有效金额，应为万元数，如 50000、5亿、8500万元'],
    [{ 入库: '待定' }, '第2行 入库「待定」无效，应为 是 或 否'],
  ])('rejects %p', (cells, message) => {
    expect(problems(cells)).toEqual([message]);
  });

  it('reports every bad cell of a row, in column order', () => {
    expect(problems({ 状态: '在施', 总投资: 'x', 计划开工: '2026-00-10' })).toEqual([
      '第2行 总投资「x」不是有效金额，应为万元数，如 50000、5亿、8500万元',
      '第2行 计划开工「2026-00-10」不是有效日期，应为 YYYY-MM-DD',
      '第2行 状态「在施」无效，应为 未开工/在建/已竣工/停缓建',
    ]);
  });

  it('numbers lines from firstDataLine, skipping blank rows without renumbering', () => {
    const records = [row({ 项目名称: 'A' }), row({ 项目名称: '', 状态: '', 备注: '只有备注' }), row({ 项目名称: 'B', 状态: '?' }), row({ 项目名称: 'A' })];
    expect(errorsOf(parseRegistryRows(records, 4))).toEqual([
      { line: 6, message: '第6行 状态「?」无效，应为 未开工/在建/已竣工/停缓建' },
      { line: 7, message: '第7行 项目名称「A」与第4行重复' },
    ]);
  });

  it('reports missing required headers on the header line', () => {
    expect(errorsOf(parseRegistryRows([{ 名称: '港口物流仓储中心', 进度: '在建' }], 3))).toEqual([
      { line: 2, message: '第2行 表头缺少「项目名称」列' },
      { line: 2, message: '第2行 表头缺少「状态」列' },
    ]);
  });

  it('gives each project the line it was read from', () => {
    const result = parseRegistryRows([row({ 项目名称: 'A' }), row({ 项目名称: '', 状态: '' }), row({ 项目名称: 'B' })], 3);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map((r) => [r.line, r.project.name])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
  });

  it('drops an alias equal to its own project name', () => {
    expect(one({ 简称: '港口物流仓储中心、港口物流' }).aliases).toEqual(['港口物流']);
    expect(one({ 简称: '港口物流仓储中心' }).aliases).toEqual([]);
  });

  it('rejects an alias equal to another project\'s alias or name, naming both lines', () => {
    const records = [
      row({ 项目名称: '精细化工中间体项目', 简称: '化工、中间体' }),
      row({ 项目名称: '港口物流仓储中心', 简称: '港口物流' }),
      row({ 项目名称: '化工新材料项目', 简称: '化工' }),
      row({ 项目名称: '物流园', 简称: '港口物流仓储中心' }),
      row({ 项目名称: '中间体', 简称: '' }),
    ];
    expect(errorsOf(parseRegistryRows(records, 3))).toEqual([
      { line: 5, message: '第5行 简称「化工」与第3行的简称重复' },
      { line: 6, message: '第6行 简称「港口物流仓储中心」与第4行的项目名称重复' },
      { line: 7, message: '第7行 项目名称「中间体」与第3行的简称重复' },
    ]);
  });

  it('reports a name clash alongside the row\'s other errors', () => {
    const records = [row({ 项目名称: 'A', 简称: 'a' }), row({ 项目名称: 'B', 简称: 'a、b', 状态: '施工中' }), row({ 项目名称: 'A' })];
    expect(errorsOf(parseRegistryRows(records, 2))).toEqual([
      { line: 3, message: '第3行 简称「a」与第2行的简称重复' },
      { line: 3, message: '第3行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建' },
      { line: 4, message: '第4行 项目名称「A」与第2行重复' },
    ]);
  });

  it('reports a column given twice (Chinese and English)', () => {
    expect(errorsOf(parseRegistryRows([row({ name: 'x' })], 2))).toEqual([
      { line: 1, message: '第1行 表头「name」与「项目名称」重复' },
    ]);
  });

  it('reports a sheet with no data', () => {
    const expected = [{ line: 1, message: '第1行 表头下方没有项目数据' }];
    expect(errorsOf(parseRegistryRows([], 2))).toEqual(expected);
    expect(errorsOf(parseRegistryRows([row({ 项目名称: '', 状态: '' })], 2))).toEqual(expected);
  });
});

describe('readRegistryFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-registry-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads the shipped sample registry', async () => {
    const projects = projectsOf(await readRegistryFile(SAMPLE));
    expect(projects).toHaveLength(12);
    expect(projects[0]).toEqual(PROJECT_A);
    const names = projects.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['汽车零部件智能制造项目', '港口物流仓储中心', '生物医药产业园一期']));
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(['未开工', '在建', '已竣工', '停缓建']));
  });

  it('reads UTF-8 with and without BOM, with CRLF line ends', async () => {
    const body = `${HEADER}\r\n${ROW_A}\r\n`;
    expect(projectsOf(await readRegistryFile(write('plain.csv', body)))).toEqual([PROJECT_A]);
    expect(projectsOf(await readRegistryFile(write('bom.csv', `\uFEFF${body}`)))).toEqual([PROJECT_A]);
  });

  it('reads GBK as WPS saves it', async () => {
    const bytes = iconv.encode(`${HEADER}\r\n${ROW_A}\r\n${ROW_B}\r\n`, 'gbk');
    const projects = projectsOf(await readRegistryFile(write('wps.csv', bytes)));
    expect(projects.map((p) => p.name)).toEqual(['精细化工中间体项目', '港口物流仓储中心']);
    expect(projects[0]).toEqual(PROJECT_A);
  });

  it('reads English headers in another order with quoted money', async () => {
    const csv = 'status,name,totalInvestment,registered,aliases\n在建,港口物流仓储中心,"60,000",Y,"港口物流,物流中心"\n';
    expect(projectsOf(await readRegistryFile(write('en.csv', csv)))).toEqual([
      expect.objectContaining({ name: '港口物流仓储中心', status: '在建', totalInvestment: 60000, registered: true, aliases: ['港口物流', '物流中心'] }),
    ]);
  });

  it('numbers CSV lines as WPS rows: blank lines count, a multi-line cell is one row', async () => {
    const csv = `\n${HEADER}\n${ROW_A}\n\n港口物流仓储中心,,,,,"区交通\n运输局",,,,,,,施工中,\n`;
    expect(errorsOf(await readRegistryFile(write('lines.csv', csv)))).toEqual([
      { line: 5, message: '第5行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建' },
    ]);
  });

  it('finds the header below a title row and a note row, keeping the file\'s line numbers', async () => {
    const top = '示范区2026年重点项目台账,,,,,,,,,,,,,\n单位：万元\n\n';
    expect(projectsOf(await readRegistryFile(write('title.csv', `${top}${HEADER}\n${ROW_A}\n`)))).toEqual([PROJECT_A]);
    const bad = ROW_B.replace(',未开工,', ',施工中,');
    expect(errorsOf(await readRegistryFile(write('title-bad.csv', `${top}${HEADER}\n${ROW_A}\n\n${bad}\n`)))).toEqual([
      { line: 7, message: '第7行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建' },
    ]);
  });

  it('looks for the header in the first 5 non-empty rows only', async () => {
    const titles = ['台账', '', '单位：万元', '填报单位：区发改局', '2026年11月', '说明：按项目名称排序'];
    const fifth = `${titles.slice(0, 5).join('\n')}\n${HEADER}\n${ROW_A}\n`;
    expect(projectsOf(await readRegistryFile(write('fifth.csv', fifth)))).toEqual([PROJECT_A]);
    const sixth = `${titles.join('\n')}\n${HEADER}\n${ROW_A}\n`;
    expect(errorsOf(await readRegistryFile(write('sixth.csv', sixth)))).toEqual([
      { line: 1, message: '第1行 表头缺少「项目名称」列；已查找第1至6行，表头须含「项目名称」和至少一个其他列（如「状态」）' },
    ]);
  });

  it('needs 项目名称 and another known column to take a row as the header', async () => {
    expect(errorsOf(await readRegistryFile(write('noname.csv', '\n名称,状态\n港口物流仓储中心,在建\n')))).toEqual([
      { line: 2, message: '第2行 表头缺少「项目名称」列；已查找第2至3行，表头须含「项目名称」和至少一个其他列（如「状态」）' },
    ]);
    expect(errorsOf(await readRegistryFile(write('title-only.csv', '项目名称\n')))).toEqual([
      { line: 1, message: '第1行 表头缺少「项目名称」列；已查找第1行，表头须含「项目名称」和至少一个其他列（如「状态」）' },
    ]);
  });

  it('reports missing and repeated columns on the header row', async () => {
    expect(errorsOf(await readRegistryFile(write('nostatus.csv', '台账\n项目名称,简称\nA,a\n')))).toEqual([
      { line: 2, message: '第2行 表头缺少「状态」列' },
    ]);
    expect(errorsOf(await readRegistryFile(write('twice.csv', '项目名称,状态,项目名称\nA,在建,B\n')))).toEqual([
      { line: 1, message: '第1行 表头「项目名称」与「项目名称」重复' },
    ]);
  });

  it('reports a header without rows, and an empty file', async () => {
    expect(errorsOf(await readRegistryFile(write('header.csv', `${HEADER}\n`)))).toEqual([
      { line: 1, message: '第1行 表头下方没有项目数据' },
    ]);
    expect(errorsOf(await readRegistryFile(write('empty.csv', '')))).toEqual([{ line: 0, message: '文件是空的' }]);
  });

  it('reports file-level problems on line 0', async () => {
    const [missing] = errorsOf(await readRegistryFile(path.join(dir, 'nope.csv')));
    expect(missing).toEqual({ line: 0, message: '无法读取文件「nope.csv」（ENOENT）' });
    const [xls] = errorsOf(await readRegistryFile(write('old.xls', 'x')));
    expect(xls).toEqual({ line: 0, message: '不支持「old.xls」，请使用 .csv 或 .xlsx 文件' });
    const [corrupt] = errorsOf(await readRegistryFile(write('bad.xlsx', 'not a zip')));
    expect(corrupt).toEqual({ line: 0, message: '无法打开 xlsx 文件，可能已损坏或不是 Excel 文件' });
    const [quote] = errorsOf(await readRegistryFile(write('quote.csv', `${HEADER}\n"精细化工,在建\n`)));
    expect(quote?.line).toBe(0);
    expect(quote?.message).toBe('第2行附近 CSV 格式有误（引号不成对），请用 WPS 或 Excel 重新另存为 CSV');
  });

  describe('xlsx', () => {
    async function writeXlsx(name: string, rows: ExcelJS.CellValue[][], firstRow = 1): Promise<string> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('台账');
      workbook.addWorksheet('说明').addRow(['这张表不读']);
      rows.forEach((values, i) => {
        sheet.getRow(firstRow + i).values = values;
      });
      const file = path.join(dir, name);
      await workbook.xlsx.writeFile(file);
      return file;
    }

    it('reads numbers, Date cells, rich text and formula results from the first sheet', async () => {
      const file = await writeXlsx(
        'ledger.xlsx',
        [
          [' 项目名称 ', '简称', '总投资（万元）', '年度计划投资', '计划开工', '计划竣工', '状态', '入库', '备注'],
          [
            { richText: [{ text: '精细化工' }, { text: '中间体项目', font: { bold: true } }] },
            '化工中间体、精细化工',
            120000,
            { formula: '120000*0.3', result: 36000 },
            new Date(Date.UTC(2025, 2, 1)),
            '2027年12月31日',
            '在建',
            true,
            { text: '详情', hyperlink: 'https://example.com' },
          ],
          [],
          ['港口物流仓储中心', '港口物流', '6亿', null, 46113, new Date(Date.UTC(2027, 9, 31, 8, 30)), '未开工', '否'],
        ],
        2,
      );
      expect(projectsOf(await readRegistryFile(file))).toEqual([
        expect.objectContaining({
          name: '精细化工中间体项目',
          aliases: ['化工中间体', '精细化工'],
          totalInvestment: 120000,
          annualPlan: 36000,
          plannedStart: '2025-03-01',
          plannedFinish: '2027-12-31',
          status: '在建',
          registered: true,
        }),
        expect.objectContaining({
          name: '港口物流仓储中心',
          totalInvestment: 60000,
          annualPlan: null,
          plannedStart: '2026-04-01',
          plannedFinish: '2027-10-31',
          status: '未开工',
          registered: false,
        }),
      ]);
    });

    it('finds the header below a merged title row and a note row, numbering errors by sheet row', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('台账');
      sheet.getRow(1).values = ['示范区2026年重点项目台账'];
      sheet.mergeCells('A1:E1');
      sheet.getRow(2).values = ['单位：万元'];
      sheet.getRow(4).values = ['序号', '项目名称', '简称', '总投资', '状态'];
      sheet.getRow(5).values = [1, '精细化工中间体项目', '化工', 120000, '在建'];
      sheet.getRow(6).values = [2, '港口物流仓储中心', '化工', 60000, '施工中'];
      const file = path.join(dir, 'titled.xlsx');
      await workbook.xlsx.writeFile(file);
      expect(errorsOf(await readRegistryFile(file))).toEqual([
        { line: 6, message: '第6行 简称「化工」与第5行的简称重复' },
        { line: 6, message: '第6行 状态「施工中」无效，应为 未开工/在建/已竣工/停缓建' },
      ]);
    });

    it('names the rows searched when no header is found', async () => {
      const file = await writeXlsx('noheader.xlsx', [['示范区2026年重点项目台账'], [], ['名称', '状态'], ['港口物流仓储中心', '在建']], 2);
      expect(errorsOf(await readRegistryFile(file))).toEqual([
        { line: 2, message: '第2行 表头缺少「项目名称」列；已查找第2至5行，表头须含「项目名称」和至少一个其他列（如「状态」）' },
      ]);
    });

    it('numbers errors by sheet row, header being the first non-empty row', async () => {
      const file = await writeXlsx(
        'bad.xlsx',
        [
          ['项目名称', '状态', '计划开工', '计划竣工', '总投资'],
          ['精细化工中间体项目', '在建', new Date(Date.UTC(2026, 5, 1)), new Date(Date.UTC(2026, 0, 1)), 100],
          [],
          ['港口物流仓储中心', '在建', null, null, { formula: 'A1', result: { error: '#REF!' } }],
          ['精细化工中间体项目', '在建'],
        ],
        3,
      );
      expect(errorsOf(await readRegistryFile(file))).toEqual([
        { line: 4, message: '第4行 计划竣工「2026-01-01」早于计划开工「2026-06-01」' },
        { line: 6, message: '第6行 总投资「#REF!」不是有效金额，应为万元数，如 50000、5亿、8500万元' },
        { line: 7, message: '第7行 项目名称「精细化工中间体项目」与第4行重复' },
      ]);
    });

    it('gives each row of a merged area the merged value, as WPS/Excel show it', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('台账');
      sheet.addRows([
        ['项目名称', '镇街', '责任单位', '状态'],
        ['精细化工中间体项目', '临港镇', '区发展和改革局', '在建'],
        ['港口物流仓储中心', null, null, '在建'],
        ['高新区数据中心', null, '区工业和信息化局', '未开工'],
      ]);
      sheet.mergeCells('B2:B4');
      sheet.mergeCells('C2:C3');
      const file = path.join(dir, 'merged.xlsx');
      await workbook.xlsx.writeFile(file);
      expect(projectsOf(await readRegistryFile(file)).map((p) => [p.name, p.town, p.unit])).toEqual([
        ['精细化工中间体项目', '临港镇', '区发展和改革局'],
        ['港口物流仓储中心', '临港镇', '区发展和改革局'],
        ['高新区数据中心', '临港镇', '区工业和信息化局'],
      ]);
    });

    it('refuses merged areas piled on each other', async () => {
      const rows = rowsXml([['项目名称', '状态', '镇街'], ['甲', '在建', '临港镇'], ['乙', '在建']]);
      const merges = `<mergeCells>${'<mergeCell ref="A2:D3"/>'.repeat(60)}</mergeCells>`;
      const file = writeSheet(path.join(dir, 'piled.xlsx'), sheetXml(rows, merges));
      expect(errorsOf(await readRegistryFile(file))).toEqual([{ line: 0, message: '合并单元格互相重叠，文件可能已损坏' }]);
    });

    it('reads dates of a workbook counting from 1904', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = true;
      workbook.addWorksheet('台账').addRows([
        ['项目名称', '计划开工', '状态'],
        ['港口物流仓储中心', new Date(Date.UTC(2026, 3, 1)), '在建'],
      ]);
      const file = path.join(dir, 'mac.xlsx');
      await workbook.xlsx.writeFile(file);
      expect(projectsOf(await readRegistryFile(file))[0]?.plannedStart).toBe('2026-04-01');
    });

    it('reads elements with a namespace prefix and ISO date cells', async () => {
      const rows = `${rowsXml([['项目名称', '计划开工', '状态']], 'x:')}<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>港口物流仓储中心</x:t></x:is></x:c><x:c r="B2" t="d"><x:v>2026-04-01T00:00:00</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>在建</x:t></x:is></x:c></x:row>`;
      const file = writeSheet(path.join(dir, 'prefixed.xlsx'), sheetXml(rows, '', 'x:'));
      expect(projectsOf(await readRegistryFile(file))).toEqual([expect.objectContaining({ name: '港口物流仓储中心', plannedStart: '2026-04-01', status: '在建' })]);
    });
  });
});
