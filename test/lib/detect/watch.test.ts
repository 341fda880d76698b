import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedContact } from '../../../lib/detect/contacts';
import { watchPage } from '../../../lib/detect/watch';

/** A page with a watched region and an unrelated one; the "reader" lists `[email]` inside the region. */
function setup(html = '<div role="main"><div id="thread"></div></div><div id="outside"></div>') {
  const dom = new JSDOM(`<body>${html}</body>`, { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW' });
  const doc = dom.window.document;
  const read = vi.fn((): DetectedContact[] =>
    [...doc.querySelectorAll('[role="main"] [email]')].map((e) => ({ email: e.getAttribute('email')!, name: null, role: 'sender' })),
  );
  const send = vi.fn(async (_contacts: DetectedContact[], _href: string) => null);
  const watch = watchPage({ doc, roots: [['div[role="main"]']], read, href: () => dom.window.location.href, send });
  const person = (email: string, where = '#thread') => {
    const span = doc.createElement('span');
    span.setAttribute('email', email);
    doc.querySelector(where)!.append(span);
    return span;
  };
  return { dom, doc, read, send, watch, person };
}

/** Lets the observer's callback run (a microtask), then moves the fake clock. */
async function after(ms: number) {
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchPage', () => {
  it('reads once when the page settles and sends nothing while there is nothing', async () => {
    const { read, send } = setup();
    await after(300);
    expect(read).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
  });

  it('a burst of changes in the watched subtree: one read and one send, 300 ms after the last change', async () => {
    const { read, send, person } = setup();
    await after(300);
    read.mockClear();
    person('dana@buyer.example');
    await after(200);
    person('kofi@buyer.example');
    await after(299);
    expect(send).not.toHaveBeenCalled();
    await after(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledWith(
      [
        { email: 'dana@buyer.example', name: null, role: 'sender' },
        { email: 'kofi@buyer.example', name: null, role: 'sender' },
      ],
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW',
    );
  });

  it('a change outside the watched subtree does not even read', async () => {
    const { read, send, person } = setup();
    await after(300);
    read.mockClear();
    person('lena@other.example', '#outside');
    await after(2000);
    expect(read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('identical re-reads send nothing; contacts disappearing send an empty list', async () => {
    const { doc, read, send, person } = setup();
    const dana = person('dana@buyer.example');
    await after(300);
    expect(send).toHaveBeenCalledOnce();
    doc.querySelector('#thread')!.append(doc.createElement('div'));
    await after(300);
    expect(read).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledOnce();
    dana.remove();
    await after(300);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith([], expect.any(String));
  });

  it('a new URL with the same contacts is reported (the background dropped the old page)', async () => {
    const { dom, send, person } = setup();
    person('dana@buyer.example');
    await after(300);
    dom.window.location.hash = '#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtX';
    await after(1300);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith([{ email: 'dana@buyer.example', name: null, role: 'sender' }], expect.stringMatching(/LtX$/));
  });

  it('changes that never stop still get read, at most every 1.5 s', async () => {
    const { send, person } = setup();
    await after(300);
    for (let i = 0; i < 20; i++) {
      person(`p${i}@buyer.example`);
      await after(100);
    }
    expect(send.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(send.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('finds a region that appears later, and one that is replaced', async () => {
    const { doc, send } = setup('<div id="app"></div>');
    await after(300);
    doc.querySelector('#app')!.innerHTML = '<div role="main"><span email="dana@buyer.example"></span></div>';
    await after(1300);
    expect(send).toHaveBeenLastCalledWith([{ email: 'dana@buyer.example', name: null, role: 'sender' }], expect.any(String));
    doc.querySelector('#app')!.innerHTML = '<div role="main"><div id="thread"></div></div>';
    await after(1300);
    expect(send).toHaveBeenLastCalledWith([], expect.any(String));
    doc.querySelector('#thread')!.innerHTML = '<span email="kofi@buyer.example"></span>';
    await after(300);
    expect(send).toHaveBeenLastCalledWith([{ email: 'kofi@buyer.example', name: null, role: 'sender' }], expect.any(String));
  });

  it('readNow answers at once and counts as reported', async () => {
    const { send, watch, person } = setup();
    person('dana@buyer.example');
    expect(watch.readNow().contacts).toEqual([{ email: 'dana@buyer.example', name: null, role: 'sender' }]);
    await after(300);
    expect(send).not.toHaveBeenCalled();
  });

  it('once stopped (the extension reloaded): no observer, no timer, no send', async () => {
    const { dom, send, watch, person } = setup();
    person('dana@buyer.example');
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
    person('kofi@buyer.example');
    dom.window.location.hash = '#inbox';
    await after(5000);
    expect(send).not.toHaveBeenCalled();
  });

  it('observes open shadow roots when asked (Salesforce on native shadow)', async () => {
    const dom = new JSDOM('<body><div class="oneContent"><x-record></x-record></div></body>', { url: 'https://acme.lightning.force.com/' });
    const doc = dom.window.document;
    const root = doc.querySelector('x-record')!.attachShadow({ mode: 'open' });
    const read = vi.fn((): DetectedContact[] =>
      [...root.querySelectorAll('[email]')].map((e) => ({ email: e.getAttribute('email')!, name: null, role: 'record' })),
    );
    const send = vi.fn(async () => null);
    watchPage({ doc, roots: [['.oneContent']], shadowRoots: true, read, href: () => dom.window.location.href, send });
    await after(300);
    root.innerHTML = '<span email="dana@buyer.example"></span>';
    await after(300);
    expect(send).toHaveBeenCalledWith([{ email: 'dana@buyer.example', name: null, role: 'record' }], expect.any(String));
  });
});
