import { describe, expect, it } from 'vitest';
import { joinRunningSync } from '../../../lib/sync/join-running';

/** A sync the test finishes by hand: each call is recorded with its force and waits for `finish` or `fail`. */
function heldSync() {
  const calls: { force: boolean; finish: (outcome: string) => void; fail: (error: Error) => void }[] = [];
  const syncNow = (force: boolean) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ force, finish: resolve, fail: reject });
    });
  /** Lets the runner's awaits settle, so the next run (if any) has started. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { calls, syncNow, settle };
}

describe('joining a running sync', () => {
  it('runs at once when none runs', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const outcome = run(false);
    expect(held.calls.map((c) => c.force)).toEqual([false]);
    held.calls[0]!.finish('done');
    expect(await outcome).toBe('done');
  });

  it('requests during a run cause exactly one more run, and everyone gets its outcome', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const first = run(false);
    const second = run(false);
    const third = run(false);
    expect(held.calls).toHaveLength(1);
    held.calls[0]!.finish('first');
    await held.settle();
    expect(held.calls).toHaveLength(2);
    held.calls[1]!.finish('second');
    expect(await Promise.all([first, second, third])).toEqual(['second', 'second', 'second']);
    expect(held.calls).toHaveLength(2);
  });

  it('the extra run is forced when any request that joined asked for force', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const all = [run(false), run(true), run(false)];
    held.calls[0]!.finish('first');
    await held.settle();
    held.calls[1]!.finish('second');
    await Promise.all(all);
    expect(held.calls.map((c) => c.force)).toEqual([false, true]);
  });

  it('a request during the extra run earns one more', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const first = run(true);
    void run(false);
    held.calls[0]!.finish('a');
    await held.settle();
    const late = run(false);
    held.calls[1]!.finish('b');
    await held.settle();
    held.calls[2]!.finish('c');
    expect(await Promise.all([first, late])).toEqual(['c', 'c']);
    expect(held.calls.map((c) => c.force)).toEqual([true, false, false]);
  });

  it('no request during a run: the next request starts a new run, not forced by an old one', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const forced = run(true);
    held.calls[0]!.finish('a');
    await forced;
    const plain = run(false);
    held.calls[1]!.finish('b');
    expect(await plain).toBe('b');
    expect(held.calls.map((c) => c.force)).toEqual([true, false]);
  });

  it('an error reaches every waiter and clears the running state: the next request runs once, afresh', async () => {
    const held = heldSync();
    const run = joinRunningSync(held.syncNow);
    const first = run(false);
    const joined = run(true);
    held.calls[0]!.fail(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    await expect(joined).rejects.toThrow('offline');
    expect(held.calls).toHaveLength(1);

    const next = run(false);
    expect(held.calls.map((c) => c.force)).toEqual([false, false]);
    held.calls[1]!.finish('back');
    expect(await next).toBe('back');
    await held.settle();
    expect(held.calls).toHaveLength(2);
  });
});
