/**
 * `compute` remembered per key object, for as long as the key lives: for values derived from settings objects that
 * are treated as immutable (a calendar, its week, its holidays, a report's lead list), asked for again and again.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
