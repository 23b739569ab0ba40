import type { Db } from './db';
import { shanghaiIso } from '../time/clock';

export type Redeemed = { ok: true; forName: string } | { ok: false; why: 'unknown' | 'used' | 'expired' };

/** One-time admin codes, kept as hashes. */
export class AdminCodeStore {
  private insert;
  private byHash;
  private use;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, string, string]>('INSERT INTO admin_codes (for_name, code_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)');
    this.byHash = db.prepare<[string], { id: number; for_name: string; expires_at: string; used_by: number | null }>(
      'SELECT id, for_name, expires_at, used_by FROM admin_codes WHERE code_hash = ?',
    );
    this.use = db.prepare<[number, string, number]>('UPDATE admin_codes SET used_by = ?, used_at = ? WHERE id = ? AND used_by IS NULL');
  }

  issue(forName: string, codeHash: string, now: Date, expiresAt: Date): void {
    this.insert.run(forName, codeHash, shanghaiIso(now), shanghaiIso(expiresAt));
  }

  /** Uses a code once: the first contact to send it gets it, and nobody after. */
  redeem(codeHash: string, personId: number, now: Date): Redeemed {
    const row = this.byHash.get(codeHash);
    if (!row) return { ok: false, why: 'unknown' };
    if (row.used_by !== null) return { ok: false, why: 'used' };
    if (row.expires_at < shanghaiIso(now)) return { ok: false, why: 'expired' };
    return this.use.run(personId, shanghaiIso(now), row.id).changes > 0 ? { ok: true, forName: row.for_name } : { ok: false, why: 'used' };
  }
}
