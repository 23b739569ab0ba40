import crypto from 'node:crypto';
import type { Stores } from '../store/stores';
import type { Person } from '../domain/people';
import type { Redeemed } from '../store/admin-codes';

/** How long a code may wait to be sent: long enough to hand over, short enough not to linger. */
export const ADMIN_CODE_HOURS = 24;
// No 0/O, 1/I/L: the code is read out or copied by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

const hash = (code: string) => crypto.createHash('sha256').update(code).digest('hex');

/** What a person typed, as a code: case and spaces do not matter. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** Issues a one-time code for `name`; only its hash is stored. */
export function issueAdminCode(s: Pick<Stores, 'adminCodes'>, name: string, now: Date): { code: string; expiresAt: Date } {
  const bytes = crypto.randomBytes(CODE_LENGTH);
  const code = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  const expiresAt = new Date(now.getTime() + ADMIN_CODE_HOURS * 3_600_000);
  s.adminCodes.issue(name, hash(code), now, expiresAt);
  return { code, expiresAt };
}

/** A contact sends a code: the admin right is bound to that contact, whatever it is called later. */
export function redeemAdminCode(s: Pick<Stores, 'adminCodes' | 'people' | 'transaction'>, person: Person, typed: string, now: Date): Redeemed {
  return s.transaction(() => {
    const r = s.adminCodes.redeem(hash(normaliseCode(typed)), person.id, now);
    if (r.ok) s.people.setAdmin(person.id, true, 'code');
    return r;
  });
}
