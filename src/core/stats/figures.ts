/**
 * Conventions of every figure: money in 万元 rounded to 2 decimals; rates and progress in percent (or
 * percentage points) rounded to 1 decimal; rankings compare the rounded values, so what reads as equal
 * ranks equal; names sort in Chinese collation.
 */

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? round1((part / whole) * 100) : null);
export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Chinese collation (pinyin order), one collator for every sort: `localeCompare` would make one per call. */
export const byZh = new Intl.Collator('zh').compare;

/** `超序时进度 3.2 个百分点`, `低于序时进度 1.5 个百分点` or `与序时进度持平`, from points already rounded. */
export function schedulePhrase(points: number): string {
  if (points > 0) return `超序时进度 ${points.toFixed(1)} 个百分点`;
  if (points < 0) return `低于序时进度 ${(-points).toFixed(1)} 个百分点`;
  return '与序时进度持平';
}
