/**
 * A cell a spreadsheet would run as a formula (it starts with =, +, - or @, or a tab or carriage return that hides one)
 * gets a leading apostrophe, so an exported name like `=HYPERLINK(...)` reads as text when the file is opened
 * (OWASP, CSV injection). Every exported text cell goes through this.
 */
export function safeCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  // Numbers are the server's own (a score of -5 is a number, not a formula).
  if (typeof value !== 'string') return String(value);
  const text = value;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
