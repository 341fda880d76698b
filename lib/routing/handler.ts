import type { Handlers, MessageSender } from '../messages';
import type { TabRouter } from './router';

/**
 * The background's `page.contacts` handler. The message receiver has parsed the data and checked the sender is one of
 * our content scripts in a tab; this adds what routing relies on: the top frame (content scripts run only there), and
 * a URL on the origin the browser stamped on the sender.
 */
export function pageContactsHandler(router: TabRouter): NonNullable<Handlers['page.contacts']> {
  return async (report, sender: MessageSender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('page.contacts must come from a tab');
    if (sender.frameId !== undefined && sender.frameId !== 0) throw new Error("page.contacts must come from a tab's top frame");
    if (sender.url !== undefined && originOf(sender.url) !== originOf(report.url)) {
      throw new Error('page.contacts names a page on another origin than its sender');
    }
    await router.pageContacts(tabId, report);
    return null;
  };
}

function originOf(href: string): string | null {
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}
