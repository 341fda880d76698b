import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GMAIL_ROOTS, readGmail } from '../../../lib/detect/gmail';
import { PAGE_ASK } from '../../../lib/messages/page-protocol';
import { runPageReader, type ContentRuntime } from '../../../lib/detect/run';
import { PROTOCOL } from '../../../lib/messages';
import { loadFixture } from './load';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW';

function fakeContext() {
  const callbacks: (() => void)[] = [];
  return {
    isInvalid: false,
    onInvalidated(cb: () => void) {
      callbacks.push(cb);
      return () => undefined;
    },
    invalidate() {
      this.isInvalid = true;
      callbacks.forEach((cb) => cb());
    },
  };
}

function fakeRuntime() {
  type Listener = Parameters<ContentRuntime['onMessage']['addListener']>[0];
  const listeners = new Set<Listener>();
  return {
    sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true, value: null })),
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    listeners,
    /** What the background's `tabs.sendMessage(tabId, PAGE_ASK)` would get back. */
    ask(): unknown {
      let answer: unknown;
      for (const listener of listeners) listener(PAGE_ASK, {}, (response) => (answer = response));
      return answer;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a content script (runPageReader)', () => {
  it('reports the page as a page.contacts message the background accepts, once, and answers the background question', async () => {
    const page = loadFixture('gmail', 'thread-loading.html', THREAD);
    const ctx = fakeContext();
    const runtime = fakeRuntime();
    runPageReader(ctx, runtime, { host: 'gmail', read: readGmail, roots: GMAIL_ROOTS }, page.dom.window);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runtime.sendMessage).not.toHaveBeenCalled();

    // The thread renders into the watched region.
    const thread = loadFixture('gmail', 'demo:gmail-thread.html', THREAD).doc.querySelector('div[role="main"]')!.innerHTML;
    page.doc.querySelector('div[role="main"]')!.innerHTML = thread;
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(runtime.sendMessage).toHaveBeenCalledOnce();
    const message = runtime.sendMessage.mock.calls[0]![0] as { type: string; data: unknown };
    expect(message.type).toBe('page.contacts');
    const data = PROTOCOL['page.contacts'].request.parse(message.data);
    expect(data.host).toBe('gmail');
    expect(data.url).toBe(THREAD);
    expect(data.contacts.map((c) => c.email)).toContain('dana.reyes@brightwave.example');

    expect(runtime.ask()).toEqual(message.data);
    expect(runtime.sendMessage).toHaveBeenCalledOnce();
  });

  it('stops when WXT invalidates its context: no more reports, no answer, no timers', async () => {
    const page = loadFixture('gmail', 'thread-loading.html', THREAD);
    const ctx = fakeContext();
    const runtime = fakeRuntime();
    runPageReader(ctx, runtime, { host: 'gmail', read: readGmail, roots: GMAIL_ROOTS }, page.dom.window);
    ctx.invalidate();
    expect(runtime.listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    page.doc.querySelector('div[role="main"]')!.innerHTML = '<h3 class="iw"><span email="dana@buyer.example"></span></h3>';
    await vi.advanceTimersByTimeAsync(5000);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('a failed send (background unreachable, or a reply the browser could not deliver) is not retried on every change', async () => {
    const dom = new JSDOM('<div role="main"></div>', { url: THREAD });
    const runtime = fakeRuntime();
    runtime.sendMessage.mockRejectedValue(new Error('The message port closed before a response was received.'));
    runPageReader(fakeContext(), runtime, { host: 'gmail', read: readGmail, roots: GMAIL_ROOTS }, dom.window);
    dom.window.document.querySelector('div[role="main"]')!.innerHTML = '<h3 class="iw"><span email="dana@buyer.example"></span></h3>';
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(300);
    for (let i = 0; i < 5; i++) {
      dom.window.document.querySelector('div[role="main"]')!.append(dom.window.document.createElement('div'));
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(runtime.sendMessage).toHaveBeenCalledOnce();
  });
});
