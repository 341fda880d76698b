/** What the browser stamps on a message's sender: the parts a receiver may trust. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface Self {
  /** This extension's id. */
  id: string;
  /** This extension's origin, e.g. "chrome-extension://abc…" (no trailing slash). */
  origin: string;
}

/**
 * Whether the sender is allowed for the message's `from`. A content script's message must come from this extension
 * and from a tab (a page cannot forge `sender.tab`); an extension page's must come from this extension's own origin.
 * Messages from other extensions never pass (the runtime.onMessage channel only carries our own, but we check anyway).
 */
export function senderAllowed(from: 'content' | 'extension', sender: MessageSender, self: Self): boolean {
  if (sender.id !== self.id) return false;
  if (from === 'content') return sender.tab?.id !== undefined && !isOwnPage(sender.url, self);
  return isOwnPage(sender.url, self);
}

function isOwnPage(url: string | undefined, self: Self): boolean {
  if (!url) return false;
  try {
    // Not `URL.origin`: for chrome-extension: and moz-extension: URLs some runtimes answer "null".
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === self.origin;
  } catch {
    return false;
  }
}
