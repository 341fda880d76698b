import type { FieldChanges } from '../model/audit';
import { sameValue } from '../same-value';

/**
 * Field names that hold secrets: a key named so, or ending so (`tokenHash`, `clientSecret`), case aside, at any depth.
 * Their values are never copied into a change: the audit log may say that one changed, never to what.
 */
export const SECRET_FIELDS = ['hash', 'token', 'secret', 'password'] as const;
/** What stands in for a secret's value. */
export const REDACTED = '[redacted]';

export type PlainObject = Readonly<Record<string, unknown>>;

export interface ChangeOptions {
  /** Fields that are not the change itself (`updatedAt`, `version`, the id the event already names). */
  ignore?: readonly string[];
  /** More secret field names, beside SECRET_FIELDS. */
  secretFields?: readonly string[];
}

/**
 * The fields that differ between two versions of a plain object, each with its JSON value before and after. A missing
 * version (`null`: the object was created, or deleted) reads as null in every field, so a creation lists every field
 * with `before: null`. Dates become ISO strings; fields equal on both sides, or ignored, are left out.
 */
export function fieldChanges(before: PlainObject | null, after: PlainObject | null, options: ChangeOptions = {}): FieldChanges {
  const ignored = new Set(options.ignore ?? []);
  const isSecret = secretTest([...SECRET_FIELDS, ...(options.secretFields ?? [])]);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !ignored.has(f));
  const changes: FieldChanges = {};
  for (const field of fields) {
    const was = jsonOf(before?.[field]);
    const is = jsonOf(after?.[field]);
    if (sameValue(was, is)) continue;
    changes[field] = isSecret(field) ? { before: redacted(was), after: redacted(is) } : { before: withoutSecrets(was, isSecret), after: withoutSecrets(is, isSecret) };
  }
  return changes;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function secretTest(names: readonly string[]): (key: string) => boolean {
  const lower = names.map((n) => n.toLowerCase());
  return (key) => {
    const k = key.toLowerCase();
    return lower.some((name) => k === name || k.endsWith(name));
  };
}

/** A JSON copy: Dates as ISO strings, undefined as null (an absent field), functions and the like refused. */
function jsonOf(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonOf(v);
    return out;
  }
  throw new TypeError(`an audit change holds only JSON values, not a ${typeof value}`);
}

const redacted = (value: Json): Json => (value === null ? null : REDACTED);

function withoutSecrets(value: Json, isSecret: (key: string) => boolean): Json {
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, isSecret));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecret(k) ? redacted(v) : withoutSecrets(v, isSecret)]));
}
