import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openDb, type Db } from '../../src/store/db';
import { importRegistry, type ImportResult } from '../../src/features/registry/import';
import { ProjectStore } from '../../src/store/projects';

const SAMPLE = path.join(__dirname, '..', '..', 'data', 'projects.csv');
const T1 = new Date('2026-11-26T01:00:00Z');
const T2 = new Date('2026-11-27T02:30:00Z');

describe('importRegistry', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-import-'));
    db = openDb(path.join(dir, 'rishai.db'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sampleLines = (): string[] => fs.readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');

  /** The sample with `edit` applied to its lines (header is index 0), written to the temp dir. */
  const variant = (name: string, edit: (lines: string[]) => string[], encode: (s: string) => Buffer = (s) => Buffer.from(s)): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, encode(`${edit(sampleLines()).join('\n')}\n`));
    return file;
  };

  const summaryOf = (result: ImportResult) => {
    if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
    return result.summary;
  };

  it('imports the shipped sample cleanly', async () => {
    expect(summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1))).toEqual({ inserted: 12, updated: 0, unchanged: 0 });
    const projects = new ProjectStore(db).list();
    expect(projects).toHaveLength(12);
    expect(new ProjectStore(db).byName('精细化工中间体项目')).toEqual({
      id: expect.any(Number),
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
      updatedAt: '2026-11-26T09:00:00+08:00',
    });
    expect(new ProjectStore(db).byName('高新区数据中心')).toMatchObject({ status: '未开工', registered: false });
    expect(new ProjectStore(db).byName('不存在的项目')).toBeUndefined();
    // Stored as the schema documents: aliases as a JSON array, registered as 0/1.
    expect(db.prepare("SELECT aliases, registered FROM projects WHERE name = '港口物流仓储中心'").get()).toEqual({
      aliases: '["港口物流"]',
      registered: 1,
    });
  });

  it('is idempotent: a second import changes nothing, not even updated_at', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const before = new ProjectStore(db).list();
    expect(summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T2))).toEqual({ inserted: 0, updated: 0, unchanged: 12 });
    expect(new ProjectStore(db).list()).toEqual(before);
  });

  it('updates a changed row and leaves the others and their updated_at alone', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const file = variant('changed.csv', (lines) =>
      lines.map((l) => (l.startsWith('港口物流仓储中心,') ? l.replace(',在建,是', ',停缓建,否').replace('港口物流,', '港口物流、物流中心,') : l)),
    );
    expect(summaryOf(await importRegistry(new ProjectStore(db), file, T2))).toEqual({ inserted: 0, updated: 1, unchanged: 11 });
    expect(new ProjectStore(db).byName('港口物流仓储中心')).toMatchObject({
      aliases: ['港口物流', '物流中心'],
      status: '停缓建',
      registered: false,
      updatedAt: '2026-11-27T10:30:00+08:00',
    });
    expect(new ProjectStore(db).byName('精细化工中间体项目')?.updatedAt).toBe('2026-11-26T09:00:00+08:00');
  });

  it('clears a cell emptied in the file', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const file = variant('cleared.csv', (lines) => lines.map((l) => l.replace('精细化工中间体项目,化工中间体、精细化工,', '精细化工中间体项目,,')));
    expect(summaryOf(await importRegistry(new ProjectStore(db), file, T2))).toMatchObject({ updated: 1 });
    expect(new ProjectStore(db).byName('精细化工中间体项目')?.aliases).toEqual([]);
  });

  it('inserts new projects and leaves projects missing from the file untouched', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const file = variant('partial.csv', (lines) => [
      ...lines.slice(0, 3),
      '滨海光伏发电项目,光伏,市重点,新能源,临港镇,区发展和改革局,王区长,钱多,30000,12000,2026/7/1,2027年6月30日,在建,Y',
    ]);
    expect(summaryOf(await importRegistry(new ProjectStore(db), file, T2))).toEqual({ inserted: 1, updated: 0, unchanged: 2 });
    expect(new ProjectStore(db).list()).toHaveLength(13);
    expect(new ProjectStore(db).byName('滨海光伏发电项目')).toMatchObject({
      plannedStart: '2026-07-01',
      plannedFinish: '2027-06-30',
      registered: true,
      updatedAt: '2026-11-27T10:30:00+08:00',
    });
    expect(new ProjectStore(db).byName('北山文旅康养综合体')?.updatedAt).toBe('2026-11-26T09:00:00+08:00');
  });

  it('applies nothing when one row is invalid', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const before = new ProjectStore(db).list();
    const file = variant('one-bad.csv', (lines) => [
      ...lines.map((l) => l.replace(',在建,', ',已竣工,')),
      '滨海光伏发电项目,光伏,市重点,新能源,临港镇,区发展和改革局,王区长,钱多,30000,12000,2026-07-01,2027-06-31,在建,是',
    ]);
    expect(await importRegistry(new ProjectStore(db), file, T2)).toEqual({
      ok: false,
      errors: [{ line: 14, message: '第14行 计划竣工「2027-06-31」不是有效日期，应为 YYYY-MM-DD' }],
    });
    expect(new ProjectStore(db).list()).toEqual(before);
  });

  it('rejects a name or alias that a stored project left out of the file answers to', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const before = new ProjectStore(db).list();
    const file = variant('clash.csv', (lines) => [
      '示范区2026年重点项目台账',
      lines[0] ?? '',
      '滨海光伏发电项目,港口物流、光伏,市重点,新能源,临港镇,区发展和改革局,王区长,钱多,30000,12000,,,在建,是',
      '滨海风电项目,高新区数据中心,市重点,新能源,临港镇,区发展和改革局,王区长,钱多,30000,12000,,,未开工,否',
      '标准厂房,,区重点,新材料,临港镇,临港镇人民政府,陈副区长,王磊,22000,3000,,,未开工,否',
    ]);
    expect(await importRegistry(new ProjectStore(db), file, T2)).toEqual({
      ok: false,
      errors: [
        { line: 3, message: '第3行 简称「港口物流」与已导入的项目「港口物流仓储中心」的简称重复（该项目不在本文件中）' },
        { line: 4, message: '第4行 简称「高新区数据中心」与已导入的项目「高新区数据中心」的项目名称重复（该项目不在本文件中）' },
        { line: 5, message: '第5行 项目名称「标准厂房」与已导入的项目「临港新材料标准厂房」的简称重复（该项目不在本文件中）' },
      ],
    });
    expect(new ProjectStore(db).list()).toEqual(before);
  });

  it('lets an alias move between stored projects that are both in the file', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const file = variant('moved.csv', (lines) =>
      lines.map((l) =>
        l.replace('港口物流仓储中心,港口物流,', '港口物流仓储中心,物流中心,').replace('高新区数据中心,数据中心,', '高新区数据中心,数据中心、港口物流,'),
      ),
    );
    expect(summaryOf(await importRegistry(new ProjectStore(db), file, T2))).toEqual({ inserted: 0, updated: 2, unchanged: 10 });
    expect(new ProjectStore(db).byName('高新区数据中心')?.aliases).toEqual(['数据中心', '港口物流']);
  });

  it('imports GBK as WPS saves it, matching the UTF-8 import', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const file = variant('wps.csv', (lines) => lines, (s) => iconv.encode(s.replace(/\n/g, '\r\n'), 'gbk'));
    expect(summaryOf(await importRegistry(new ProjectStore(db), file, T2))).toEqual({ inserted: 0, updated: 0, unchanged: 12 });
  });

  it('looks projects up by name and by ids', async () => {
    summaryOf(await importRegistry(new ProjectStore(db), SAMPLE, T1));
    const store = new ProjectStore(db);
    expect(store.list()[0]?.name).toBe('精细化工中间体项目');
    const port = store.byName('港口物流仓储中心');
    const chem = store.byName('精细化工中间体项目');
    if (!port || !chem) throw new Error('sample projects missing');
    expect(store.byIds([port.id, 9999, chem.id]).map((p) => p.name)).toEqual(['港口物流仓储中心', '精细化工中间体项目']);
  });

  it('rolls the whole batch back when a write fails midway', () => {
    db.exec("CREATE TRIGGER no_stop BEFORE INSERT ON projects WHEN NEW.status = '停缓建' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const base = { aliases: [], category: null, chain: null, town: null, unit: null, leader: null, liaison: null };
    const money = { totalInvestment: null, annualPlan: null, plannedStart: null, plannedFinish: null, registered: false };
    const batch = [
      { ...base, ...money, name: 'A', status: '在建' as const },
      { ...base, ...money, name: 'B', status: '停缓建' as const },
    ];
    expect(() => new ProjectStore(db).upsert(batch, T1)).toThrow('refused');
    expect(new ProjectStore(db).list()).toEqual([]);
  });
});
