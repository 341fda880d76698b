import { describe, expect, it } from 'vitest';
import { demoSettings } from '../../server/seed/demo';

describe('the demo workspace settings', () => {
  it('plan a channel for every step of every policy, so the demo panel says what to do next', () => {
    for (const policy of demoSettings().policies) {
      expect(policy.stepChannels, policy.id).toHaveLength(policy.attempts);
      expect(policy.stepChannels[0], policy.id).toBe('call');
    }
  });
});
