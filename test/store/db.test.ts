import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb, migrate, migrationPlan, DatabaseTooNewError } from '../../src/store/db';
import { ReportStore } from '../../src/store/reports';

describe('openDb', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-db-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file in WAL mode with the schema at the latest version', () => {
    const db = openDb(path.join(dir, 'nested', 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const version = db.pragma('user_version', { simple: true }) as number;
    expect(version).toBeGreaterThanOrEqual(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['projects', 'messages', 'reports', 'outbox']));
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const file = path.join(dir, 'r.db');
    const first = openDb(file);
    const v = first.pragma('user_version', { simple: true });
    first.close();
    const again = openDb(file);
    expect(migrate(again)).toBe(v);
    again.close();
  });

  it('finds a project\'s groups by index, not by scanning every binding', () => {
    const db = openDb(path.join(dir, 'r.db'));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT group_id FROM group_projects WHERE project_id = ?').all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX group_projects_by_project');
    db.close();
  });

  /** A database as a build with one migration more than this one would leave it. */
  function fromNewerBuild(file: string, journalMode: string): number {
    const fresh = openDb(':memory:');
    const newer = (fresh.pragma('user_version', { simple: true }) as number) + 1;
    fresh.close();
    const db = new Database(file);
    db.pragma(`journal_mode = ${journalMode}`);
    db.exec(`CREATE TABLE later (id INTEGER PRIMARY KEY); PRAGMA user_version = ${newer}`);
    db.close();
    return newer;
  }

  // delete: switching to WAL would rewrite the header; wal: how this program's own files are.
  it.each(['delete', 'wal'])('refuses a database from a newer build and leaves its file (journal_mode %s) untouched', (mode) => {
    const file = path.join(dir, 'r.db');
    const newer = fromNewerBuild(file, mode);
    const before = fs.readFileSync(file);
    let thrown: unknown;
    try {
      openDb(file);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError);
    expect(thrown).toMatchObject({ version: newer, supported: newer - 1 });
    expect((thrown as Error).message).toBe(
      `数据库版本 ${newer} 高于本程序支持的 ${newer - 1}，请升级 Rishai 后再打开 (database schema ${newer} is newer than this build's ${newer - 1})`,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Closed again: no -wal or -shm file left behind.
    expect(fs.readdirSync(dir)).toEqual(['r.db']);
  });

  it('refuses to migrate an open database from a newer build', () => {
    const file = path.join(dir, 'r.db');
    const newer = fromNewerBuild(file, 'wal');
    const db = new Database(file);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(db.pragma('user_version', { simple: true })).toBe(newer);
    db.close();
  });

  /** A database with project 1 and message 1, which reports can refer to. */
  function withOneProject(file: string) {
    const db = openDb(file);
    db.prepare("INSERT INTO projects (name, updated_at) VALUES ('甲', 'x')").run();
    db.prepare("INSERT INTO messages (id, puppet_message_id, type, posted_at, received_at) VALUES (1, 'm', 'text', 'x', 'x')").run();
    return db;
  }

  it('summarises an older database\'s months on first read, as it does months changed by new reports', () => {
    const file = path.join(dir, 'r.db');
    const db = withOneProject(file);
    const insert = db.prepare('INSERT INTO reports (project_id, date, revision, current, message_id, progress_percent, investment_cumulative, investment_month, created_at) VALUES (1, ?, ?, ?, 1, ?, ?, ?, ?)');
    insert.run('2026-09-03', 1, 1, 10, null, 5, 'x');
    insert.run('2026-09-08', 1, 0, 40, 90, null, 'x');
    insert.run('2026-09-08', 2, 1, 20, null, null, 'x');
    // Added in place: later days of the month, highs tied and beaten, figures given and left out.
    insert.run('2026-09-10', 1, 1, 25, null, 7, 'y');
    insert.run('2026-09-11', 1, 1, 25, 100, null, 'y');
    insert.run('2026-09-14', 1, 1, null, null, null, 'y');
    insert.run('2026-09-15', 1, 1, 25, 110, 3, 'y');
    insert.run('2026-10-02', 1, 1, null, 120, null, 'x');
    insert.run('2026-10-05', 1, 1, 31, null, null, 'z');
    const summary = "SELECT * FROM report_months JOIN report_month_figures USING (project_id, month) ORDER BY month";
    expect(new ReportStore(db).refreshMonths()).toBe(2);
    const kept = db.prepare(summary).all();
    expect(kept).toHaveLength(2);
    // As it was before migration 014 (and 017).
    db.exec(
      `DROP TRIGGER report_months_mark_promoted; ALTER TABLE reports DROP COLUMN notes; ALTER TABLE reports DROP COLUMN correction; ALTER TABLE reports DROP COLUMN pending; ALTER TABLE problems DROP COLUMN withdrawn_by;
       DROP TRIGGER report_months_mark; DROP TABLE report_months; DROP TABLE report_month_figures; DROP TABLE report_months_stale;
       DROP INDEX comments_date; ALTER TABLE comments DROP COLUMN reported_at; ALTER TABLE outbox DROP COLUMN kind; DROP TABLE failure_causes; DROP TABLE admin_codes; PRAGMA user_version = 13`,
    );
    db.close();
    const again = openDb(file);
    expect(again.prepare(summary).all()).toEqual([]);
    expect(new ReportStore(again).refreshMonths()).toBe(2);
    expect(again.prepare(summary).all()).toEqual(kept);
    again.close();
  });

  it("gives an older database's comments the time their day was first reported, and recounts its months in the shorter form", () => {
    const file = path.join(dir, 'r.db');
    const db = withOneProject(file);
    db.prepare("INSERT INTO persons (id, name, created_at) VALUES (7, '张三', 'x')").run();
    const insert = db.prepare('INSERT INTO reports (project_id, date, revision, current, message_id, progress_percent, created_at) VALUES (1, ?, ?, ?, 1, ?, ?)');
    insert.run('2026-09-08', 1, 0, 40, '2026-09-08T09:00:00+08:00');
    const corrected = insert.run('2026-09-08', 2, 1, 20, '2026-09-08T18:00:00+08:00').lastInsertRowid;
    new ReportStore(db).refreshMonths();
    // As it was before migration 016 (and 017): comments without the time, months listed with it.
    db.exec(
      `DROP TRIGGER report_months_mark_promoted; ALTER TABLE reports DROP COLUMN notes; ALTER TABLE reports DROP COLUMN correction; ALTER TABLE reports DROP COLUMN pending; ALTER TABLE problems DROP COLUMN withdrawn_by;
       DROP INDEX comments_date; ALTER TABLE comments DROP COLUMN reported_at;
       CREATE INDEX comments_date ON comments (date, project_id, person_id, created_at);
       UPDATE report_month_figures SET figures = '[["2026-09-08",20,null,null,"2026-09-08T09:00:00+08:00"]]';
       ALTER TABLE outbox DROP COLUMN kind; DROP TABLE failure_causes; DROP TABLE admin_codes; PRAGMA user_version = 15`,
    );
    db.prepare("INSERT INTO comments (report_id, project_id, date, person_id, text, message_id, created_at) VALUES (?, 1, '2026-09-08', 7, '收到', 1, '2026-09-08T20:00:00+08:00')").run(corrected);
    db.close();
    const again = openDb(file);
    expect(again.prepare('SELECT reported_at FROM comments').pluck().all()).toEqual(['2026-09-08T09:00:00+08:00']);
    expect(new ReportStore(again).refreshMonths()).toBe(1);
    expect(again.prepare('SELECT figures FROM report_month_figures').pluck().all()).toEqual(['[8,20.0,null,null]']);
    again.close();
  });
});

describe('migrationPlan', () => {
  it('orders contiguous migrations by number and ignores files that are not SQL', () => {
    expect(migrationPlan(['002_b.sql', 'README.md', '001_a.sql', '003_c_d.sql'])).toEqual([
      { version: 1, file: '001_a.sql' },
      { version: 2, file: '002_b.sql' },
      { version: 3, file: '003_c_d.sql' },
    ]);
    expect(migrationPlan([])).toEqual([]);
  });

  it('throws on a gap, which databases already past it would never run', () => {
    expect(() => migrationPlan(['001_a.sql', '003_c.sql'])).toThrow('002 is missing');
    expect(() => migrationPlan(['002_b.sql'])).toThrow('001 is missing');
  });

  it('throws on a number used twice', () => {
    expect(() => migrationPlan(['001_a.sql', '002_b.sql', '002_c.sql'])).toThrow('002 is used by 002_b.sql, 002_c.sql');
  });

  it('throws on a .sql file not named NNN_name.sql, rather than leaving it out', () => {
    for (const bad of ['02_b.sql', '0002_b.sql', '002-b.sql', '002_.sql', 'b.sql', '002_B.sql']) {
      expect(() => migrationPlan(['001_a.sql', bad])).toThrow(`${bad} is not named NNN_name.sql`);
    }
    expect(() => migrationPlan(['000_a.sql', '001_b.sql'])).toThrow('000_a.sql: numbering starts at 001');
  });

  it('names every problem at once', () => {
    expect(() => migrationPlan(['001_a.sql', '001_b.sql', '004_d.sql', 'x.sql'])).toThrow(
      'Migrations must be numbered 001..N, each once: x.sql is not named NNN_name.sql; 001 is used by 001_a.sql, 001_b.sql; 002 is missing; 003 is missing',
    );
  });
});
