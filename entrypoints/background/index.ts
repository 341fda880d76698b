import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from './messages';
import { setupPanelOpening } from './panel-opening';
import { onAuthChanged, runSync, setupSync } from './sync';

export default defineBackground(() => {
  setupPanelOpening();
  setupSync();
  setupMessages({
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
