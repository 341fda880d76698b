/**
 * Lookups by key that arrive within one turn of the event loop, answered by one query for all their keys: under load
 * (hundreds of requests each looking up its own token) one round trip to the database serves many requests, and alone
 * a lookup waits only for the turn to end. Each key is still read by a query that starts after it was asked for, so
 * nothing is answered from before the request came. At most `maxKeys` keys go in one query.
 */
export function batchedLookup<K, V>(read: (keys: K[]) => Promise<Map<K, V>>, maxKeys = 500): (key: K) => Promise<V | undefined> {
  type Waiter = { resolve(v: V | undefined): void; reject(e: unknown): void };
  let waiting = new Map<K, Waiter[]>();
  const flush = () => {
    const batch = [...waiting];
    waiting = new Map();
    for (let i = 0; i < batch.length; i += maxKeys) {
      const part = batch.slice(i, i + maxKeys);
      read(part.map(([key]) => key)).then(
        (found) => part.forEach(([key, ws]) => ws.forEach((w) => w.resolve(found.get(key)))),
        (err: unknown) => part.forEach(([, ws]) => ws.forEach((w) => w.reject(err))),
      );
    }
  };
  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      if (waiting.size === 0) setImmediate(flush);
      const ws = waiting.get(key);
      if (ws) ws.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
    });
}
