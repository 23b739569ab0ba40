import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalendar } from '../../src/cli/calendar';
import type { CliIo } from '../../src/cli/index';
import { WorkCalendar } from '../../src/core/calendar';
import { CalendarStore } from '../../src/store/calendar';
import { openDb } from '../../src/store/db';
import { ManualClock } from '../../src/time/clock';

describe('rishai calendar', () => {
  let dir: string;
  let dbFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cli-calendar-'));
    dbFile = path.join(dir, 'r.db');
    // Like a bot's database: the calendar command edits one, never makes one.
    openDb(dbFile).close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], at = '2026-11-24T10:00:00+08:00') {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdin: async () => '', out: (s) => out.push(s), err: (s) => err.push(s) };
    const code = await runCalendar(dbFile, args, io, new ManualClock(at));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  function overrides() {
    const db = openDb(dbFile);
    try {
      return new CalendarStore(db).all();
    } finally {
      db.close();
    }
  }

  function calendar() {
    const db = openDb(dbFile);
    try {
      return WorkCalendar.fromStore(new CalendarStore(db));
    } finally {
      db.close();
    }
  }

  const writeFile = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('refuses a database that does not exist, and creates none', async () => {
    fs.rmSync(dbFile);
    const r = await run(['add', '2026-12-31', 'holiday', '跨年']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`数据库文件 ${dbFile} 不存在`);
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('lists no overrides and this and next year as covered when the package has them', async () => {
    const r = await run(['list'], '2025-06-01T09:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.out).toContain('（无）');
    expect(r.out).toContain('2025 年：已有节假日安排');
    expect(r.out).toContain('2026 年：已有节假日安排');
  });

  it('lists far-future years as uncovered until an admin enters a day of them', async () => {
    const before = await run(['list'], '2030-03-01T09:00:00+08:00');
    expect(before.out).toContain('2030 年：没有节假日安排，暂按周一至周五上班；请用 rishai calendar add-year 2030 FILE 录入');
    expect(before.out).toContain('2031 年：没有节假日安排');

    const add = await run(['add', '2031-10-01', 'holiday', '国庆节']);
    expect(add.code).toBe(0);
    expect(add.out).toContain('已把 2031-10-01（周三）设为放假，原为工作日。');
    expect(add.out).toContain('注意：内置数据没有 2031 年的节假日安排');

    const after = await run(['list'], '2030-03-01T09:00:00+08:00');
    expect(after.out).toContain('2030 年：没有节假日安排');
    expect(after.out).toContain('2031 年：已有节假日安排');
    expect(after.out).toContain('2031-10-01（周三） 放假 国庆节（cli，2026-11-24T10:00:00+08:00）');
  });

  it('adds an override that beats the package, lists it by year, and removes it', async () => {
    const add = await run(['add', '2026-10-10', 'holiday', '公司', '安排']);
    expect(add).toEqual({ code: 0, out: '已把 2026-10-10（周六）设为放假，原为工作日（国庆节）。', err: '' });
    expect(calendar().dayKind('2026-10-10')).toEqual({ workday: false, source: 'override', name: '公司 安排' });

    expect((await run(['add', '2026-10-01', '上班'])).code).toBe(0);
    expect(calendar().dayKind('2026-10-01')).toEqual({ workday: true, source: 'override' });

    const list = await run(['list', '2026']);
    expect(list.out).toContain('2026 年手工设置的日期：');
    expect(list.out).toContain('2026-10-01（周四） 上班（cli，');
    expect(list.out).toContain('2026-10-10（周六） 放假 公司 安排（cli，');
    expect((await run(['list', '2027'])).out).toContain('（无）');

    const removed = await run(['remove', '2026-10-10']);
    expect(removed).toEqual({ code: 0, out: '已删除 2026-10-10（周六）的手工设置，现为工作日（国庆节）。', err: '' });
    expect(overrides().map((o) => o.date)).toEqual(['2026-10-01']);
  });

  it('replaces an earlier override of the same day', async () => {
    await run(['add', '2026-11-28', 'workday', '加班']);
    const again = await run(['add', '2026-11-28', 'holiday']);
    expect(again.out).toBe('已把 2026-11-28（周六）设为放假，原为工作日（加班）。');
    expect(overrides()).toEqual([
      { date: '2026-11-28', kind: 'holiday', note: null, setBy: 'cli', setAt: '2026-11-24T10:00:00+08:00' },
    ]);
  });

  it('refuses invalid input with exit 1 and changes nothing', async () => {
    const badDate = await run(['add', '2026-02-30', 'holiday']);
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain('日期「2026-02-30」无效');
    const badKind = await run(['add', '2026-10-10', 'rest']);
    expect(badKind.code).toBe(1);
    expect(badKind.err).toContain('类型「rest」无效');
    expect((await run(['list', '26'])).code).toBe(1);
    const missing = await run(['remove', '2026-10-10']);
    expect(missing).toEqual({ code: 1, out: '', err: '2026-10-10 没有手工设置。' });
    expect(overrides()).toEqual([]);
  });

  it('prints usage with exit 2 for a missing or unknown subcommand or missing arguments', async () => {
    for (const args of [[], ['show'], ['add', '2026-10-10'], ['remove'], ['add-year', '2031'], ['list', '2026', '2027']]) {
      const r = await run(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toContain('rishai calendar add DATE workday|holiday [NOTE]');
    }
  });

  it('adds a whole year from a file', async () => {
    const file = writeFile(
      '2031.csv',
      '\uFEFFdate,kind,note\n# 2031 安排\n2031-01-01,holiday,元旦\r\n\n2031-01-26，上班，春节调休，补班\n2031-01-27,放假,春节\n',
    );
    await run(['add', '2031-01-01', 'workday']);
    const r = await run(['add-year', '2031', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已录入 2031 年 3 天：新增 2 天，更新 1 天。');
    expect(overrides().map((o) => [o.date, o.kind, o.note])).toEqual([
      ['2031-01-01', 'holiday', '元旦'],
      ['2031-01-26', 'workday', '春节调休，补班'],
      ['2031-01-27', 'holiday', '春节'],
    ]);
    const cal = calendar();
    expect(cal.isCovered(2031)).toBe(true);
    expect(cal.isWorkday('2031-01-26')).toBe(true);
  });

  it('rejects a year file with line-numbered errors and writes none of it', async () => {
    const file = writeFile(
      'bad.csv',
      ['2031-01-01,holiday,元旦', '2031-02-30,holiday', '2032-01-01,holiday', '2031-01-01,workday', '2031-05-01,rest', ''].join(
        '\n',
      ),
    );
    const r = await run(['add-year', '2031', file]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${file} 有误，未做任何修改：`,
      '第 2 行：日期「2031-02-30」无效，应为 YYYY-MM-DD，例如 2026-10-10。',
      '第 3 行：2032-01-01 不在 2031 年。',
      '第 4 行：2031-01-01 与第 1 行重复。',
      '第 5 行：类型「rest」无效，应为 workday（上班）或 holiday（放假）。',
    ]);
    expect(overrides()).toEqual([]);
  });

  it('rejects an empty or unreadable year file', async () => {
    const empty = await run(['add-year', '2031', writeFile('empty.csv', 'date,kind,note\n\n')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('文件中没有日期');
    const absent = await run(['add-year', '2031', path.join(dir, 'absent.csv')]);
    expect(absent.code).toBe(1);
    expect(absent.err).toContain('无法读取');
    expect((await run(['add-year', '31', writeFile('x.csv', '2031-01-01,holiday')])).code).toBe(1);
  });
});
