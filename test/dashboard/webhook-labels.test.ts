import { describe, expect, it } from 'vitest';
import { deliveryStateLabel } from '../../dashboard/pages/webhooks/labels';

describe("a webhook delivery's state in words", () => {
  it('says queued before the first try, waiting to retry after a failed one, and the end states as they are', () => {
    expect(deliveryStateLabel({ state: 'pending', attempts: 0 })).toBe('queued');
    expect(deliveryStateLabel({ state: 'pending', attempts: 2 })).toBe('waiting to retry');
    expect(deliveryStateLabel({ state: 'delivered', attempts: 1 })).toBe('delivered');
    expect(deliveryStateLabel({ state: 'failed', attempts: 7 })).toBe('given up');
  });
});
