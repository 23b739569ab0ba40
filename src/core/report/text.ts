/** Whitespace and the separators :：;；,，。、 */
function isEdge(c: number): boolean {
  return (
    c === 0x20 || c === 0x3a || c === 0xff1a || c === 0x3b || c === 0xff1b || c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x3001 ||
    (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x1680
  );
}
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
  while (from < to && isEdge(s.charCodeAt(from))) from++;
  while (to > from && isEdge(s.charCodeAt(to - 1))) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
