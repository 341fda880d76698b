import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { parseInput } from '../core/model/parse';

/**
 * One setting kept in `browser.storage.local` or `.sync`, versioned the way lib/db/versions.ts versions the cache:
 * never edit a shipped version, add the next one with its upgrade and a fixture of the previous one
 * (test/lib/stored/items.test.ts). WXT keeps the version beside the value (`<key>$`: `{ v }`) and runs the upgrades
 * when a context first touches the item.
 */
export interface StoredItemSpec<T> {
  key: `local:${string}` | `sync:${string}`;
  /** What the current version holds; checked on every read and write. */
  schema: z.ZodType<T>;
  /** What a read gives when nothing (or nothing valid) is stored. */
  fallback: T;
  /** The upgrades, oldest first: `upgrades[0]` turns a v1 value into v2, … The current version is their count + 1. */
  upgrades: readonly ((previous: unknown) => unknown)[];
}

export interface StoredItem<T> {
  readonly key: string;
  readonly version: number;
  /** The stored value; the fallback when there is none or it fails the schema (that is logged, and nothing is lost). */
  get(): Promise<T>;
  /** Replaces the value; bad input throws with zod's reasons and changes nothing. */
  set(value: T): Promise<T>;
  /** Reads, changes and writes the value, one change at a time in this context. */
  update(change: (current: T) => T): Promise<T>;
  /** Calls back with the new value (checked like `get`) whenever any context changes it; returns the unwatch. */
  watch(onChange: (value: T) => void): () => void;
}

export function defineStoredItem<T>(spec: StoredItemSpec<T>): StoredItem<T> {
  const version = spec.upgrades.length + 1;
  const migrations = Object.fromEntries(spec.upgrades.map((upgrade, index) => [index + 2, upgrade]));
  // `migrations` always passed (even empty): WXT then records the version with the first write.
  const item = storage.defineItem<unknown>(spec.key, { fallback: null, version, migrations });
  const name = spec.key.slice(spec.key.indexOf(':') + 1);

  const checked = (value: unknown): T => {
    if (value === null || value === undefined) return spec.fallback;
    const parsed = parseInput(spec.schema, value, `stored ${name}`);
    if (parsed.ok) return parsed.value;
    console.warn(`Leadside: ${parsed.message}; using the default`);
    return spec.fallback;
  };
  const set = async (value: T): Promise<T> => {
    const parsed = parseInput(spec.schema, value, name);
    if (!parsed.ok) throw new Error(parsed.message);
    await item.setValue(parsed.value);
    return parsed.value;
  };
  let queue: Promise<unknown> = Promise.resolve();

  return {
    key: spec.key,
    version,
    get: async () => checked(await item.getValue()),
    set,
    update(change) {
      const next = queue.then(async () => set(change(checked(await item.getValue()))));
      queue = next.catch(() => undefined);
      return next;
    },
    watch: (onChange) => item.watch((value) => onChange(checked(value))),
  };
}
