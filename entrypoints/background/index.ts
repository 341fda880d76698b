import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from './messages';
import { setupPanelOpening } from './panel-opening';
import { onAuthChanged, runSync, setupSync } from './sync';
import { setupTabRouting } from './tab-routing';

export default defineBackground(() => {
  setupPanelOpening();
  setupSync();
  setupMessages({
    'page.contacts': setupTabRouting(),
    'sync.request': async ({ reason }) => {
      const outcome = await runSync(reason !== 'panel_open');
      return { kind: outcome.kind };
    },
    'auth.changed': async ({ signedIn }) => {
      await onAuthChanged(signedIn);
      return null;
    },
  });
});
