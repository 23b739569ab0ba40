const EDGE_PUNCTUATION = /[\s:：;；,，。、]/;
const EMPTY_BRACKETS = /[(（【[]\s*[)）】\]]/g;
const WRAPPED = /^[(（【[]([^()（）【】[\]]*)[)）】\]]$/;

/** A value without empty brackets, edge punctuation or brackets around it all; null when nothing is left. */
export function cleanText(s: string): string | null {
  const trimmed = trimEdges(s.replace(EMPTY_BRACKETS, ''));
  const inner = WRAPPED.exec(trimmed);
  return (inner ? trimEdges(inner[1]!) : trimmed) || null;
}

/** Strips whitespace and separators at both ends; by hand, as a `[…]+$` regex is quadratic on long runs. */
export function trimEdges(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && EDGE_PUNCTUATION.test(s[from]!)) from++;
  while (to > from && EDGE_PUNCTUATION.test(s[to - 1]!)) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
