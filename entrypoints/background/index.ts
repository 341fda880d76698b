import { defineBackground } from 'wxt/utils/define-background';
import { setupAlerts, stopAlerts } from './alerts';
import { setupMessages } from './messages';
import { setupPanelOpening } from './panel-opening';
import { onAuthChanged, runSync, setupSync } from './sync';
import { setupTabRouting } from './tab-routing';

export default defineBackground(() => {
  setupPanelOpening();
  const alerts = setupAlerts();
  setupSync({ afterSync: alerts.afterSync });
  setupMessages({
    'page.contacts': setupTabRouting(),
    'sync.request': async () => {
      // Every request comes from the rep (the panel opening, a write, Retry): try now; only the alarm waits out a backoff.
      const outcome = await runSync(true);
      return { kind: outcome.kind };
    },
    'auth.changed': async ({ signedIn }) => {
      if (!signedIn) stopAlerts();
      await onAuthChanged(signedIn);
      return null;
    },
  });
});
