import { defineBackground } from 'wxt/utils/define-background';
import { setupPanelOpening } from './panel-opening';

export default defineBackground(() => {
  setupPanelOpening();
});
