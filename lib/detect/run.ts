import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageReader } from './contacts';
import { isPageAsk, pageReportMessage, type PageHost } from '../messages/page-protocol';
import { pageReport } from './report';
import { watchPage, type PageWatch, type Timers, type WatchRoots } from './watch';

/** What a content script needs from `browser.runtime` (entrypoints pass WXT's `browser.runtime`). */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: AskListener): void;
    removeListener(listener: AskListener): void;
  };
}
type AskListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => undefined;

export interface ReaderSpec {
  host: PageHost;
  read: PageReader;
  roots: WatchRoots;
  shadowRoots?: boolean;
}

/**
 * The whole of a content script: watch the page, report its contacts to the background, answer the background's
 * "what do you see now?" (asked when the tab finished loading), and stop cleanly when the extension reloads or
 * updates (WXT invalidates the old script's context: observer, timers and listeners go).
 */
export function runPageReader(
  ctx: Pick<ContentScriptContext, 'onInvalidated' | 'isInvalid'>,
  runtime: ContentRuntime,
  spec: ReaderSpec,
  win: Window = window,
  timers?: Timers,
): PageWatch {
  const doc = win.document;
  const watch = watchPage({
    doc,
    roots: spec.roots,
    shadowRoots: spec.shadowRoots,
    read: () => spec.read(doc, new URL(win.location.href)),
    href: () => win.location.href,
    send: async (contacts, href) => {
      if (ctx.isInvalid) return;
      await runtime.sendMessage(pageReportMessage(pageReport(spec.host, href, contacts)));
    },
    timers,
  });
  const answer: AskListener = (message, _sender, sendResponse) => {
    if (!isPageAsk(message) || ctx.isInvalid) return undefined;
    const { href, contacts } = watch.readNow();
    sendResponse(pageReport(spec.host, href, contacts));
    return undefined;
  };
  runtime.onMessage.addListener(answer);
  ctx.onInvalidated(() => {
    watch.stop();
    runtime.onMessage.removeListener(answer);
  });
  return watch;
}
