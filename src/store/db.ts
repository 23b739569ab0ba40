import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** A database whose schema came from a newer build: this one cannot know what its later migrations did. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';

  constructor(
    readonly version: number,
    readonly supported: number,
  ) {
    super(
      `数据库版本 ${version} 高于本程序支持的 ${supported}，请升级 Rishai 后再打开 (database schema ${version} is newer than this build's ${supported})`,
    );
  }
}

/** A database from an older build, opened read-only: it cannot be brought up to date without writing. */
export class DatabaseNeedsUpgradeError extends Error {
  override readonly name = 'DatabaseNeedsUpgradeError';

  constructor(
    readonly version: number,
    readonly supported: number,
  ) {
    super(`数据库版本 ${version} 低于本程序的 ${supported}，只读打开时无法升级；请用可写的数据库运行一次 (database schema ${version} needs upgrading to ${supported}, which a read-only open cannot do)`);
  }
}

export interface Migration {
  version: number;
  file: string;
}

const MIGRATION_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

/**
 * The migrations among a directory's file names, in order. They must be numbered 001..N with no gap
 * and no number twice: a file numbered below a database's user_version would never run on it, so a
 * gap or a repeat is a programming error, thrown rather than skipped. Files not ending in .sql are ignored.
 */
export function migrationPlan(files: readonly string[]): Migration[] {
  const problems: string[] = [];
  const byVersion = new Map<number, string[]>();
  for (const file of files) {
    if (!file.endsWith('.sql')) continue;
    const m = MIGRATION_NAME.exec(file);
    if (!m) {
      problems.push(`${file} is not named NNN_name.sql`);
      continue;
    }
    const version = Number(m[1]);
    byVersion.set(version, [...(byVersion.get(version) ?? []), file]);
  }
  if (byVersion.has(0)) problems.push(`${byVersion.get(0)!.join(', ')}: numbering starts at 001`);
  const latest = Math.max(0, ...byVersion.keys());
  const plan: Migration[] = [];
  for (let version = 1; version <= latest; version++) {
    const named = byVersion.get(version);
    const nnn = String(version).padStart(3, '0');
    if (!named) problems.push(`${nnn} is missing`);
    else if (named.length > 1) problems.push(`${nnn} is used by ${[...named].sort().join(', ')}`);
    else plan.push({ version, file: named[0]! });
  }
  if (problems.length) throw new Error(`Migrations must be numbered 001..N, each once: ${problems.join('; ')}`);
  return plan;
}

function readMigrations(): Migration[] {
  return migrationPlan(fs.readdirSync(MIGRATIONS_DIR));
}

/** The schema version this build brings a database to. */
export function latestVersion(): number {
  return readMigrations().at(-1)?.version ?? 0;
}

/** An existing database file's schema version, read without changing anything. */
export function schemaVersion(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** The database's user_version, refused when it is above every migration this build has. */
function knownVersion(db: Db, plan: readonly Migration[]): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const supported = plan.at(-1)?.version ?? 0;
  if (version > supported) throw new DatabaseTooNewError(version, supported);
  return version;
}

/** Opens (creating if needed) the database in WAL mode and brings its schema up to date. */
export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // First, so that reading the version below also waits out another process's write.
    db.pragma('busy_timeout = 5000');
    // Before journal_mode = WAL, which rewrites the file header: a newer build's file is left as it was.
    knownVersion(db, readMigrations());
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commits.
    db.pragma('synchronous = NORMAL');
    // A bulletin reads months of report index pages and comments; SQLite's default 2 MB page cache
    // would fetch most of them from the file system again on every read.
    db.pragma('cache_size = -65536');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Opens an existing database for reading only: nothing is written, not even the journal mode, so a
 * copy on read-only media or a file the bot is using can be read. Its schema must be this build's.
 */
export function openDbReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const plan = readMigrations();
    const version = knownVersion(db, plan);
    const latest = plan.at(-1)?.version ?? 0;
    if (version < latest) throw new DatabaseNeedsUpgradeError(version, latest);
    db.pragma('cache_size = -65536');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Applies every `NNN_name.sql` above the database's user_version, each in its own transaction.
 * Throws DatabaseTooNewError, changing nothing, when the database is newer than the last migration.
 */
export function migrate(db: Db): number {
  const plan = readMigrations();
  const current = knownVersion(db, plan);
  let version = current;
  for (const { version: v, file } of plan) {
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

/**
 * The schema as SQLite stores it — every table, index, trigger and view with its CREATE statement,
 * sorted by kind and name, SQLite's own objects left out — and the user_version: text to compare
 * databases by and to check in (npm run schema:dump).
 */
export function schemaDump(db: Db): string {
  const rows = db
    .prepare(
      `SELECT sql FROM sqlite_master
        WHERE type IN ('table', 'index', 'trigger', 'view') AND substr(name, 1, 7) <> 'sqlite_' AND sql IS NOT NULL
        ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name`,
    )
    .pluck()
    .all() as string[];
  const version = db.pragma('user_version', { simple: true }) as number;
  const head = '-- sqlite_master after migration, sorted by kind and name. Regenerate the checked-in copy with npm run schema:dump.';
  return [`${head}\nPRAGMA user_version = ${version};`, ...rows.map((sql) => `${sql};`)].join('\n\n') + '\n';
}
