import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

/** Admin-changed settings, each change recorded in setting_changes (who, when, old → new). */
export class SettingsStore {
  private getOne;
  private upsert;
  private logChange;

  constructor(private db: Db) {
    this.getOne = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
    this.upsert = db.prepare<[string, string, string, string]>(
      `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    this.logChange = db.prepare<[string, string | null, string, string, string]>(
      'INSERT INTO setting_changes (subject, old_value, new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  get(key: string): string | undefined {
    return this.getOne.get(key);
  }

  /** A set of numbers under `prefix.` (e.g. `threshold.missingRed`): the defaults, overridden by what admins set. */
  numbers<T extends { [K in keyof T]: number }>(prefix: string, defaults: T): T {
    const out: Record<string, number> = { ...defaults };
    for (const k of Object.keys(out)) {
      const v = this.get(`${prefix}.${k}`);
      if (v !== undefined) out[k] = Number(v);
    }
    return out as T;
  }

  set(key: string, value: string, old: string, by: string, now: Date): void {
    this.db.transaction(() => {
      this.upsert.run(key, value, by, shanghaiIso(now));
      this.record(key, old, value, by, now);
    })();
  }

  /** Records a change made elsewhere (roles, admins) in the same log. */
  record(subject: string, old: string | null, value: string, by: string, now: Date): void {
    this.logChange.run(subject, old, value, by, shanghaiIso(now));
  }
}
