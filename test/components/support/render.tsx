import { act, configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ServicesProvider, type Services } from '../../../components/services';
import type { LeadsideDatabase } from '../../../lib/db/database';
import { TestPlatform } from './platform';

// IndexedDB in memory is quick, but a busy machine can stretch a live query past the default second.
configure({ asyncUtilTimeout: 4000 });

export interface Harness extends RenderResult {
  db: LeadsideDatabase;
  platform: TestPlatform;
  /** Moves the test clock (services.now) on. */
  advance(ms: number): void;
  clock(): Date;
  /** Requests the server got through services.fetch. */
  requests: { method: string; url: string; body: unknown }[];
}

export type FakeRoute = (method: string, url: URL, body: unknown) => Response | Promise<Response> | null;

export interface HarnessOptions {
  db: LeadsideDatabase;
  platform?: TestPlatform;
  now?: number;
  /** Answers the API client's requests; null or no route means the network is down. */
  route?: FakeRoute;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Renders `ui` with real services around it: the test's database, a test platform, a clock the test moves. */
export function renderWith(ui: ReactElement, options: HarnessOptions): Harness {
  let clock = options.now ?? Date.parse('2026-01-19T15:00:00Z');
  const platform = options.platform ?? new TestPlatform();
  const requests: Harness['requests'] = [];
  let ids = 0;
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    requests.push({ method, url: url.pathname + url.search, body });
    const answer = options.route ? await options.route(method, url, body) : null;
    if (!answer) throw new TypeError('fetch failed');
    return answer;
  }) as typeof fetch;
  const services: Services = {
    db: options.db,
    platform,
    now: () => new Date(clock),
    fetch: fetchImpl,
    newId: () => `id_${++ids}`,
  };
  const result = render(<ServicesProvider services={services}>{ui}</ServicesProvider>);
  return {
    ...result,
    db: options.db,
    platform,
    requests,
    advance: (ms) => {
      clock += ms;
    },
    clock: () => new Date(clock),
  };
}

/**
 * Runs React's pending effects. A live query's answer commits outside act(), so the effects of what it rendered
 * (a keyboard listener, a countdown's interval) may still wait when a test finds the element.
 */
export async function settled(): Promise<void> {
  await act(async () => {});
}
