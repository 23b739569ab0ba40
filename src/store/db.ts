import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** Opens (creating if needed) the database in WAL mode and brings its schema up to date. */
export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // A bulletin reads months of report index pages and comments; SQLite's default 2 MB page cache
  // would fetch most of them from the file system again on every read.
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

/** Applies every `NNN_name.sql` above the database's user_version, each in its own transaction. */
export function migrate(db: Db): number {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  const current = db.pragma('user_version', { simple: true }) as number;
  let version = current;
  for (const file of files) {
    const v = Number(file.slice(0, 3));
    if (v <= current) continue;
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v}`);
    })();
    version = v;
  }
  return version;
}
