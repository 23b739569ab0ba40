/** Something a report can name: a registry project with its short names. */
export interface Nameable {
  id: number;
  name: string;
  aliases: string[];
}

export type MatchResult<T> = { kind: 'match'; project: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

const NOISE = /[\s\u3000·.,，。、;；:："'“”‘’()（）【】\[\]《》<>-]/g;
const SUFFIX = /(建设)?项目$|工程$/;

function normalize(s: string): string {
  return s.normalize('NFKC').replace(NOISE, '').replace(SUFFIX, '').toLowerCase();
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}

/** Dice coefficient on character bigrams: tolerant of a dropped or swapped character in a Chinese name. */
function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  const pool = new Map<string, number>();
  for (const g of B) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of A) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (A.length + B.length);
}

const MIN_SIMILARITY = 0.6;

/**
 * Finds the project a report names among the group's projects: exact name or alias first, then a
 * name contained in the other, then the single clearly most similar name. Never guesses between two.
 */
export function matchProject<T extends Nameable>(typed: string, candidates: readonly T[]): MatchResult<T> {
  const q = normalize(typed);
  if (!q) return { kind: 'none' };
  const names = (p: T) => [p.name, ...p.aliases].map(normalize).filter(Boolean);

  const exact = candidates.filter((p) => names(p).includes(q));
  if (exact.length) return pick(exact);

  const contained = candidates.filter((p) => names(p).some((n) => (n.length >= 2 && q.includes(n)) || n.includes(q)));
  if (contained.length) return pick(contained);

  const scored = candidates
    .map((p) => ({ p, s: Math.max(...names(p).map((n) => similarity(q, n))) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s);
  const [best, second] = scored;
  if (!best) return { kind: 'none' };
  if (second && second.s === best.s) return { kind: 'ambiguous', candidates: scored.filter((x) => x.s === best.s).map((x) => x.p) };
  return { kind: 'match', project: best.p };
}

function pick<T>(found: T[]): MatchResult<T> {
  return found.length === 1 ? { kind: 'match', project: found[0]! } : { kind: 'ambiguous', candidates: found };
}
