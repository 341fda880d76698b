import type { CDPSession } from 'playwright-core';

/**
 * The JS heap a target holds after a full garbage collection (what it keeps, not what it has yet to free): CDP's
 * Performance.getMetrics JSHeapUsedSize for a page; a service worker has no Performance domain, so for it
 * Runtime.getHeapUsage's usedSize (the same V8 figure, the isolate's used heap).
 */
export async function heapAfterGc(send: (method: string, params?: object) => Promise<unknown>): Promise<{ bytes: number; source: string }> {
  await send('HeapProfiler.enable');
  // Two collections: the first may leave what finalizers freed for the second.
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const page = await send('Performance.enable').then(
    () => true,
    () => false,
  );
  if (page) {
    const { metrics } = (await send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
    return { bytes: used, source: 'Performance.getMetrics JSHeapUsedSize' };
  }
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return { bytes: usedSize, source: 'Runtime.getHeapUsage usedSize' };
}

/**
 * A way to send CDP commands to another target (the extension's service worker) through a page's session: Playwright
 * opens sessions only on pages and frames, so this attaches to the target by id (not flattened) and passes messages
 * through Target.sendMessageToTarget.
 */
export async function targetSender(via: CDPSession, match: (t: { type: string; url: string }) => boolean): Promise<{ send(method: string, params?: object): Promise<unknown>; detach(): Promise<void> }> {
  const { targetInfos } = (await via.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find(match);
  if (!target) throw new Error(`no such target among ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
  const { sessionId } = (await via.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id!);
    if (reply.error) pending.reject(new Error(reply.error.message));
    else pending.resolve(reply.result);
  };
  via.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        via.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      }),
    detach: async () => {
      via.off('Target.receivedMessageFromTarget', onMessage);
      await via.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}
