import { browser } from 'wxt/browser';
import { createMessageReceiver, type Handlers } from '../../lib/messages';
import { browserPlatform } from '../../lib/platform';

/** The one runtime.onMessage listener: every message is checked and parsed before a handler sees it. */
export function setupMessages(handlers: Handlers): void {
  const receive = createMessageReceiver(browserPlatform(browser).self, handlers, (reason, _message, sender) =>
    console.warn(`Leadside refused a message: ${reason}`, sender.url ?? sender.id),
  );
  browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));
}
