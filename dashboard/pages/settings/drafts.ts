/**
 * Form text ↔ settings values. Fields keep what the person typed (a half-typed "0." stays as seen); these turn it into
 * what the zod schemas judge, so a wrong entry is refused with the schema's own message at its field.
 */

/** An empty field is missing (the schema says it is required); anything else is the number it reads as (NaN for "abc"). */
export function numberOf(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/** An empty field means "none" where the schema takes null (a half-life that never decays). */
export function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

/** One entry a line (domains, origins, dates); blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A comma-separated list ("16, 16, 24"); blanks dropped. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export const textOf = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/** An id for a new row that no other row of the list has ("policy_3"). */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}
