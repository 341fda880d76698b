/**
 * Runs `work` holding the named lock unless someone already holds it; answers null when it was busy. Across the
 * extension's contexts (background, panel, options) this is the Web Locks API; where it is missing, a lock for this
 * context alone.
 */
export async function runExclusive<T>(name: string, work: () => Promise<T>): Promise<T | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? work() : null));
  }
  if (held.has(name)) return null;
  held.add(name);
  try {
    return await work();
  } finally {
    held.delete(name);
  }
}

const held = new Set<string>();
