import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli/index';
import Database from 'better-sqlite3';
import { openDb, DatabaseTooNewError } from '../../src/store/db';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { stdin: async () => stdin, out: (s) => out.push(s), err: (s) => err.push(s) };
  return { cli, out, err };
}

const AT = ['--at', '2026-11-24T17:05:00+08:00'];

describe('rishai parse (contract)', () => {
  it('prints a report with every key, money in 万元, absent fields null', async () => {
    const t = io('#日报 项目：港口物流仓储中心；日期：昨天；形象进度：12%；人数：20；累计完成投资：2800万元；存在问题：无');
    expect(await runCli(['parse', ...AT], t.cli)).toBe(0);
    expect(JSON.parse(t.out[0]!)).toEqual({
      kind: 'report',
      report: {
        project: '港口物流仓储中心',
        date: '2026-11-23',
        progressPercent: 12,
        progressText: null,
        todayWork: null,
        workers: 20,
        machines: null,
        investmentCumulative: 2800,
        investmentMonth: null,
        problems: [],
        nextPlan: null,
      },
    });
  });

  it('prints the invalid fields by their canonical label and exits 1', async () => {
    const t = io('#日报\n项目名称：精细化工中间体项目\n形象进度：百分之一百一十\n累计完成投资：待统计');
    expect(await runCli(['parse', ...AT], t.cli)).toBe(1);
    const result = JSON.parse(t.out[0]!);
    expect(result.kind).toBe('invalid');
    expect(result.errors.map((e: { field: string }) => e.field)).toEqual(['形象进度', '累计完成投资']);
    expect(Object.keys(result.errors[0]).sort()).toEqual(['field', 'message']);
  });

  it('prints ignored for chatter and exits 0', async () => {
    const t = io('收到');
    expect(await runCli(['parse', ...AT], t.cli)).toBe(0);
    expect(t.out).toEqual(['{"kind":"ignored"}']);
  });

  it('refuses a bad --at with a clear message', async () => {
    const t = io('收到');
    expect(await runCli(['parse', '--at', 'yesterday'], t.cli)).toBe(2);
    expect(t.err[0]).toContain('--at');
  });
});

describe('rishai import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the sample registry into the --db file, then finds nothing to change', async () => {
    const db = path.join(dir, 'r.db');
    const first = io();
    expect(await runCli(['import', 'data/projects.csv', '--db', db], first.cli)).toBe(0);
    expect(first.out[0]).toContain('新增 12 个');
    const again = io();
    expect(await runCli(['import', 'data/projects.csv', '--db', db], again.cli)).toBe(0);
    expect(again.out[0]).toContain('未变 12 个');
    const conn = openDb(db);
    expect(conn.prepare('SELECT COUNT(*) FROM projects').pluck().get()).toBe(12);
    conn.close();
  });

  it('reports bad rows by line and changes nothing', async () => {
    const db = path.join(dir, 'r.db');
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, '项目名称,状态,计划开工\n甲项目,在建,2026-13-01\n');
    const t = io();
    expect(await runCli(['import', file, '--db', db], t.cli)).toBe(1);
    expect(t.err[0]).toContain('第2行');
    const conn = openDb(db);
    expect(conn.prepare('SELECT COUNT(*) FROM projects').pluck().get()).toBe(0);
    conn.close();
  });
});

describe('the database a command names', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cli-db-'));
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is refused when it does not exist, unless --init asks for a new one', async () => {
    const file = path.join(dir, 'typo.db');
    for (const argv of [['bulletin', 'daily'], ['export', 'reports', '--from', '2026-11-01', '--to', '2026-11-30', '--out', path.join(dir, 'x.xlsx')], ['schedule', 'list']]) {
      const t = io();
      expect(await runCli([...argv, '--db', file], t.cli)).toBe(1);
      expect(t.err.join('\n')).toContain(`数据库文件 ${file} 不存在`);
      expect(t.out).toEqual([]);
    }
    expect(fs.existsSync(file)).toBe(false);
    const t = io();
    expect(await runCli(['schedule', 'list', '--db', file, '--init'], t.cli)).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('is read without a change by commands that only read, even when the file may not be written', async () => {
    const file = path.join(dir, 'r.db');
    openDb(file).close();
    // A read-write open would switch the file to WAL; rollback mode shows it was opened read-only.
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    const before = fs.readFileSync(file);
    for (const argv of [['schedule', 'list'], ['calendar', 'list'], ['export', 'reports', '--from', '2026-11-01', '--to', '2026-11-30', '--out', '/dev/null']]) {
      const t = io();
      expect(await runCli([...argv, '--db', file], t.cli)).toBe(0);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['r.db']);
  });

  it('names a file that is no database, without a stack trace', async () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, '这不是数据库'.repeat(100));
    const t = io();
    expect(await runCli(['bulletin', 'daily', '--db', file], t.cli)).toBe(1);
    expect(t.err).toEqual([`${file} 不是 Rishai 数据库（SQLite 文件），或文件已损坏。`]);
  });

  it('refuses a date that does not exist', async () => {
    const file = path.join(dir, 'r.db');
    openDb(file).close();
    const t = io();
    expect(await runCli(['export', 'reports', '--from', '2026-13-45', '--to', '2026-11-30', '--out', path.join(dir, 'x.xlsx'), '--db', file], t.cli)).toBe(2);
    expect(t.err[0]).toContain('--from 的日期「2026-13-45」无效');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

/**
 * The CLI as its own process, from source through tsx: the bin runs the compiled dist/, which only
 * `npm ci` or `npm run build` makes, and tests must see the source as it is now.
 */
function cliProcess(args: string[], input?: string) {
  const script = "require('./src/cli/index.ts').main(process.argv.slice(1))";
  return spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script, '--', ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('the rishai command as a process', () => {
  it('parses a report from stdin', () => {
    const r = cliProcess(['parse', ...AT], '#日报 形象进度：38%');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'report', report: { progressPercent: 38, date: '2026-11-24' } });
  });

  it('sends the weekly image from a process too, where the image modules load only when a bulletin is made', () => {
    const r = cliProcess(['simulate', 'data/scenarios/week.json']);
    expect(r.status).toBe(0);
    const files = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file?: string }).filter((l) => l.file);
    expect(files.map((l) => l.file)).toEqual(['2026年第48周全区重点项目周调度.png']);
  });

  it('starts the bot without the image and workbook libraries, which load only for a bulletin', () => {
    const script = "require('./src/app'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /echarts|exceljs|@resvg|render[\\/](image|xlsx|chart|files)/.test(k))))";
    const loaded = JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' }));
    expect(loaded).toEqual([]);
  });

  it("refuses a newer build's database with its message alone and exits 1", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cli-'));
    try {
      const file = path.join(dir, 'r.db');
      const db = openDb(file);
      const supported = db.pragma('user_version', { simple: true }) as number;
      db.close();
      const newer = new Database(file);
      newer.pragma(`user_version = ${supported + 1}`);
      newer.close();
      const r = cliProcess(['schedule', 'list', '--db', file]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${new DatabaseTooNewError(supported + 1, supported).message}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with usage for an unknown command', () => {
    const r = cliProcess(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令');
  });

  it('loads each command only when it runs, and only simulate loads Wechaty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-cli-load-'));
    const db = path.join(dir, 'r.db');
    const commands = [
      ['--help'],
      ['parse', ...AT],
      ['import', 'data/projects.csv', '--db', db],
      ['calendar', 'list', '--db', db],
      ['schedule', 'list', '--db', db],
      ['export', 'reports', '--from', '2026-11-01', '--to', '2026-11-30', '--out', path.join(dir, 'r.xlsx'), '--db', db],
      ['bulletin', 'daily', '--period', '2026-11-24', '--out', dir, '--db', db],
      ['backup', '--out', path.join(dir, 'backups'), '--db', db],
      ['restore', path.join(dir, 'missing.db'), '--db', path.join(dir, 'restored.db')],
      // Without a scenario it exits 2, having loaded its modules: the check below does see Wechaty.
      ['simulate'],
    ];
    // Every command runs for real in one process, in turn; after each, which of our modules and
    // which Wechaty packages have been loaded so far.
    const script = `
      const { runCli } = require('./src/cli/index.ts');
      const io = { stdin: async () => '#日报 形象进度：38%', out: () => {}, err: (s) => process.stderr.write(s + '\\n') };
      const slashes = (p) => p.split(require('node:path').sep).join('/');
      const root = slashes(process.cwd()) + '/';
      const loaded = () => Object.keys(require.cache).map(slashes);
      (async () => {
        const seen = [];
        for (const args of ${JSON.stringify(commands)}) {
          const code = await runCli(args, io);
          const now = loaded();
          seen.push({
            command: args[0],
            code,
            src: now.filter((k) => k.startsWith(root + 'src/')).map((k) => k.slice(root.length)),
            wechaty: now.some((k) => /\\/node_modules\\/wechaty[^/]*\\//.test(k)),
          });
        }
        process.stdout.write(JSON.stringify(seen));
      })();`;
    const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    const seen = JSON.parse(out) as { command: string; code: number; src: string[]; wechaty: boolean }[];
    expect(seen.map((s) => [s.command, s.code])).toEqual(commands.map((c) => [c[0], c[0] === 'simulate' ? 2 : c[0] === 'restore' ? 1 : 0]));
    expect(seen[0]!.src).toEqual(['src/cli/index.ts']);
    expect(seen[1]!.src).not.toContain('src/store/db.ts');
    expect(seen.filter((s) => s.wechaty).map((s) => s.command)).toEqual(['simulate']);
  });
});

describe('the rishai bin', () => {
  it('says how to build when dist/ is missing', () => {
    // A copy of the bin with no dist/ beside it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-bin-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync('bin/rishai.js', path.join(dir, 'bin', 'rishai.js'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'rishai.js'), '--help'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('请先运行 npm ci 或 npm run build');
  });
});
