import type { CollectBatch } from '../../lib/core/model/tracking';

export interface EventSpec {
  /** Every event id of a run starts with it, so a run's rows can be counted apart. */
  prefix: string;
  worker: number;
  batch: number;
  size: number;
}

const PAGES = ['/', '/pricing', '/product/sla-clock', '/blog/first-touch-in-four-hours', '/customers', '/docs/getting-started', '/about', '/contact'];

/**
 * One batch as t.js would send it: page views of one visitor (each sender cycles through 50 visitors, so most batches
 * update a visitor already seen), unique event ids, times in the last minute.
 */
export function collectEvents(spec: EventSpec, now: Date): { visitorId: string; events: CollectBatch['events'] } {
  const visitorId = `${spec.prefix}v${spec.worker}x${spec.batch % 50}`.padEnd(8, '0');
  const base = now.getTime() - 60_000;
  const events = Array.from({ length: spec.size }, (_, j) => {
    const page = PAGES[(spec.batch + j) % PAGES.length]!;
    return {
      id: `${spec.prefix}${spec.worker}_${spec.batch}_${j}`,
      type: 'page_view' as const,
      url: `https://www.bench-site.example${page}?utm_source=newsletter&n=${j}`,
      title: `Bench site: ${page}`,
      at: new Date(base + j * 100).toISOString(),
    };
  });
  return { visitorId, events };
}
