import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, migrate } from '../../src/store/db';

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
});
