import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, migrationPlan, schemaDump } from '../../src/store/db';

const SNAPSHOT = path.join(__dirname, 'schema.snapshot.sql');
const MIGRATIONS = path.join(__dirname, '..', '..', 'src', 'store', 'migrations');

function freshSchema(): string {
  const db = openDb(':memory:');
  const dump = schemaDump(db);
  db.close();
  return dump;
}

describe('the schema', () => {
  it('of a fresh database is the checked-in snapshot', () => {
    const snapshot = fs.readFileSync(SNAPSHOT, 'utf8');
    try {
      expect(freshSchema()).toBe(snapshot);
    } catch (err) {
      (err as Error).message =
        'A fresh database no longer matches test/store/schema.snapshot.sql. If the migrations changed on purpose, ' +
        'run `npm run schema:dump` and commit the snapshot with them.\n\n' +
        (err as Error).message;
      throw err;
    }
  });

  describe('of a database made by an older build and upgraded', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-schema-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const plan = migrationPlan(fs.readdirSync(MIGRATIONS));

    /** A database file as a build whose last migration was `version` left it. */
    function olderDb(file: string, version: number): Database.Database {
      const db = new Database(file);
      for (const m of plan.filter((m) => m.version <= version)) db.exec(fs.readFileSync(path.join(MIGRATIONS, m.file), 'utf8'));
      db.pragma(`user_version = ${version}`);
      return db;
    }

    it.each(plan.slice(0, -1).map((m) => m.version))('from version %i is the fresh one', (version) => {
      const file = path.join(dir, 'r.db');
      olderDb(file, version).close();
      const db = openDb(file);
      expect(schemaDump(db)).toBe(freshSchema());
      db.close();
    });

    it('is unchanged by the retired migration 004, which only keeps the numbering contiguous', () => {
      const db = olderDb(path.join(dir, 'r.db'), 3);
      const before = schemaDump(db);
      db.exec(fs.readFileSync(path.join(MIGRATIONS, '004_retired.sql'), 'utf8'));
      expect(schemaDump(db)).toBe(before);
      db.close();
    });
  });
});
