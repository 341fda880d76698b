import { Alert } from '../../lib/core/model/alerts';

// Reading alerts the way the extension's background does, for the server's alert tests.

/** The longest a test waits for something to arrive: far above the 2 s promise, so a slow machine does not fail it. */
const WAIT_MS = 10_000;

export async function until<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The `event: alert` frames of a /v1/stream, read as the extension's background reads them. */
export function alertStream(baseUrl: string, token: string) {
  const abort = new AbortController();
  const received: Alert[] = [];
  let connected = false;
  void (async () => {
    const res = await fetch(`${baseUrl}/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, cut).split('\n');
          buffer = buffer.slice(cut + 2);
          if (lines.includes(': connected')) connected = true;
          if (lines.includes('event: alert')) received.push(Alert.parse(JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6))));
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    received,
    connected: () => until(() => (connected ? true : undefined), 'the stream to open'),
    about: (contactId: string) => received.filter((a) => a.contactId === contactId),
    next: (match: (a: Alert) => boolean, what: string) => until(() => received.find(match), what),
    close: () => abort.abort(),
  };
}

