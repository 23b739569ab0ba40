/** Whitespace as `\s` has it, the ideographic space included, by code unit. */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680
  );
}

/** Where the whitespace from `at` ends. */
export function skipSpaces(s: string, at: number): number {
  while (at < s.length && isSpace(s.charCodeAt(at))) at++;
  return at;
}

/** Whitespace and the separators :：;；,，。、 */
function isEdge(c: number): boolean {
  return isSpace(c) || c === 0x3a || c === 0xff1a || c === 0x3b || c === 0xff1b || c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x3001;
}
const EMPTY_BRACKETS = /[(（【[]\s*[)）】\]]/g;
const WRAPPED = /^[(（【[]([^()（）【】[\]]*)[)）】\]]$/;

/** A value without empty brackets, edge punctuation or brackets around it all; null when nothing is left. */
export function cleanText(s: string): string | null {
  const trimmed = trimEdges(s.replace(EMPTY_BRACKETS, ''));
  const inner = WRAPPED.exec(trimmed);
  return (inner ? trimEdges(inner[1]!) : trimmed) || null;
}

/** Symbols and emoji of the BMP (✅ ☀ ⭐) and the joiners and selectors of emoji sequences. */
function isSymbol(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) || c === 0xfe0f || c === 0x200d || c === 0x20e3;
}

/** The first half of an emoji beyond the BMP (U+1F000–1FAFF), as 👍 and 🚧 are written. */
const isEmojiHigh = (c: number): boolean => c >= 0xd83c && c <= 0xd83e;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Strips whitespace, separators and emoji at both ends; by hand, as a `[…]+$` regex is quadratic
 * on long runs.
 */
export function trimEdges(s: string): string {
  let from = 0;
  let to = s.length;
  for (;;) {
    const c = s.charCodeAt(from);
    if (from < to && (isEdge(c) || isSymbol(c))) from++;
    else if (from + 1 < to && isEmojiHigh(c) && isLow(s.charCodeAt(from + 1))) from += 2;
    else break;
  }
  for (;;) {
    const c = s.charCodeAt(to - 1);
    if (to > from && (isEdge(c) || isSymbol(c))) to--;
    else if (to - 1 > from && isLow(c) && isEmojiHigh(s.charCodeAt(to - 2))) to -= 2;
    else break;
  }
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
