import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defineStoredItem, STORED_ITEMS } from '../../../lib/stored';
import { STORED_FIXTURES } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

/** What a version of the extension left in its storage area: the value, and WXT's version beside it after v1. */
async function leaveBehind(key: string, version: number, value: unknown): Promise<void> {
  const [area, name] = key.split(':') as ['local' | 'sync', string];
  // Before this code, v1 items were written with no version beside them; both must read as v1.
  await fakeBrowser.storage[area].set({ [name]: value, ...(version > 1 && { [`${name}$`]: { v: version } }) });
}

describe.each(STORED_ITEMS.map((spec) => [spec.key, spec] as const))('the stored item %s', (key, spec) => {
  const fixtures = STORED_FIXTURES[key] ?? {};
  const current = spec.upgrades.length + 1;

  it('has a fixture for every version it has had', () => {
    expect(Object.keys(fixtures).map(Number)).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  });

  it.each(Object.entries(fixtures).map(([version, fixture]) => [Number(version), fixture] as const))(
    'a v%i value reads as the current version',
    async (version, fixture) => {
      await leaveBehind(key, version, fixture.stored);
      const item = defineStoredItem(spec);
      expect(await item.get()).toEqual(fixture.reads);
      // The upgraded value is stored at the current version, and reads the same again.
      const [area, name] = key.split(':') as ['local' | 'sync', string];
      const meta = (await fakeBrowser.storage[area].get(`${name}$`))[`${name}$`] as { v?: number } | undefined;
      expect(meta?.v ?? 1).toBe(current);
      expect(await defineStoredItem(spec).get()).toEqual(fixture.reads);
    },
  );

  it('nothing stored reads as the fallback; a first write records the version', async () => {
    const item = defineStoredItem(spec);
    expect(await item.get()).toEqual(spec.fallback);
    await item.set(fixtures[current]!.reads);
    const [area, name] = key.split(':') as ['local' | 'sync', string];
    expect(await fakeBrowser.storage[area].get(`${name}$`)).toEqual({ [`${name}$`]: { v: current } });
  });

  it('a value that fails the schema reads as the fallback, says so, and stays stored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await leaveBehind(key, current, { not: 'what this item holds' });
    expect(await defineStoredItem(spec).get()).toEqual(spec.fallback);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/is not valid/));
    const [area, name] = key.split(':') as ['local' | 'sync', string];
    expect((await fakeBrowser.storage[area].get(name))[name]).toEqual({ not: 'what this item holds' });
    warn.mockRestore();
  });
});

describe('a stored item’s next version', () => {
  // What a v2 of an item looks like: v1 kept a bare list, v2 an object with the list and a flag.
  const spec = {
    key: 'local:example' as const,
    schema: z.strictObject({ sites: z.array(z.string()), paused: z.boolean() }),
    fallback: { sites: [], paused: false },
    upgrades: [(v1: unknown) => ({ sites: v1, paused: false })],
  };

  it('upgrades a v1 value once, on first use, and records v2', async () => {
    await leaveBehind(spec.key, 1, ['https://www.example.com']);
    const item = defineStoredItem(spec);
    expect(item.version).toBe(2);
    expect(await item.get()).toEqual({ sites: ['https://www.example.com'], paused: false });
    expect(await fakeBrowser.storage.local.get(['example', 'example$'])).toEqual({
      example: { sites: ['https://www.example.com'], paused: false },
      example$: { v: 2 },
    });
  });

  it('leaves a v2 value as it is', async () => {
    await leaveBehind(spec.key, 2, { sites: ['https://a.example'], paused: true });
    expect(await defineStoredItem(spec).get()).toEqual({ sites: ['https://a.example'], paused: true });
  });

  it('refuses to write what the schema does not take', async () => {
    const item = defineStoredItem(spec);
    await expect(item.set({ sites: 'x' } as never)).rejects.toThrow(/^example is not valid: /);
    expect(await fakeBrowser.storage.local.get('example')).toEqual({});
  });
});
