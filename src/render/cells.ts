/**
 * Text from chat or the registry as a spreadsheet cell. A cell that starts with = + - @ (or a tab or
 * carriage return before one) is taken for a formula when the sheet is opened, saved as CSV or pasted
 * on, so such text is made inert with a leading apostrophe, as OWASP advises for CSV and xlsx alike.
 */
export function sheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell value as written: numbers and empty cells as they are, text made inert. */
export function sheetValue<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === 'string' ? sheetText(value) : value) as T;
}
