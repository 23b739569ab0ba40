import { toHalfWidth } from '../report/numbers';
import { daysBetween } from '../../time/clock';

/** Item numbers staff put before a problem (half-width): 1、 1. 1) (1) (一) ① 一、 — but not the 1 of 1.5 or 1号楼. */
const NUMBERING = /^\s*(?:\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|[\u2460-\u2473]|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[、)]|\.(?!\d)))\s*/;

/** A problem's text reduced to what identifies it: no numbering, punctuation, spaces or width and case differences. */
export function normalizeProblem(text: string): string {
  return toHalfWidth(text).replace(NUMBERING, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the character bigrams of two normalized texts, 0..1. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [bigram, n] of y) {
    total += n;
    shared += Math.min(n, x.get(bigram) ?? 0);
  }
  return total ? (2 * shared) / total : 0;
}

/** Staff copy yesterday's problems and touch them up; this much likeness still means the same problem. */
export const SAME_PROBLEM_SIMILARITY = 0.8;

/** Whether two problem texts, as typed, describe the same problem. */
export function sameProblem(a: string, b: string): boolean {
  return similarity(normalizeProblem(a), normalizeProblem(b)) >= SAME_PROBLEM_SIMILARITY;
}

/** A report's problems without blanks and without repeats of the same wording. */
export function distinctProblems(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const norm = normalizeProblem(t);
    if (!norm || seen.has(norm)) return false;
    seen.add(norm);
    return true;
  });
}

/**
 * For each problem of a report, the open item it continues, or null for a new one. Each item takes
 * at most one problem, the most alike first, so two distinct problems never fold into one item.
 */
export function matchProblems(texts: readonly string[], open: readonly { id: number; text: string }[]): (number | null)[] {
  const items = open.map((o) => ({ id: o.id, norm: normalizeProblem(o.text) }));
  const pairs = texts
    .map(normalizeProblem)
    .flatMap((norm, i) => items.map((o) => ({ i, id: o.id, score: similarity(norm, o.norm) })))
    .filter((p) => p.score >= SAME_PROBLEM_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.i - b.i || a.id - b.id);
  const out: (number | null)[] = texts.map(() => null);
  const placed = new Set<number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (placed.has(p.i) || taken.has(p.id)) continue;
    out[p.i] = p.id;
    placed.add(p.i);
    taken.add(p.id);
  }
  return out;
}


/** Who each step of the escalation ladder addresses, from the bottom. */
export type Addressee = 'unit' | 'leader' | 'dispatch' | 'principals';
export type LadderLevel = 0 | 1 | 2 | 3 | 4;

/** Days open at which an item reaches each step; they must increase from `unit` to `principals`. */
export type LadderThresholds = Record<Addressee, number>;

export const DEFAULT_LADDER: LadderThresholds = { unit: 3, leader: 7, dispatch: 14, principals: 30 };

/** The steps from the bottom: level n addresses `LADDER[n - 1]`. */
export const LADDER: readonly Addressee[] = ['unit', 'leader', 'dispatch', 'principals'];

export const ADDRESSEE_LABEL: Readonly<Record<Addressee, string>> = {
  unit: '联络员、责任单位',
  leader: '帮包领导',
  dispatch: '调度群',
  principals: '区主要领导',
};

export interface LadderStep {
  level: LadderLevel;
  days: number;
  /** Who the item is now addressed to; null below the first step. */
  addressee: Addressee | null;
}

/** The step an item stands on today: the highest whose threshold its age has reached. */
export function ladderStep(item: { firstDate: string }, today: string, t: LadderThresholds = DEFAULT_LADDER): LadderStep {
  const days = daysBetween(item.firstDate, today);
  const below = LADDER.findIndex((a) => days < t[a]);
  // LADDER has four entries, so the index is always 0..4.
  const level = (below === -1 ? LADDER.length : below) as LadderLevel;
  return { level, days, addressee: level ? LADDER[level - 1]! : null };
}
