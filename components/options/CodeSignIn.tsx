import { useEffect, useRef, useState } from 'react';
import { ApiFailure } from '../../lib/api/errors';
import { sendTyped } from '../../lib/messages';
import { originPattern, parseCodeLink, signInWithCode, type CodeLink } from '../../lib/session';
import { useServices } from '../services';

type State =
  | { kind: 'none' }
  | { kind: 'ask'; link: CodeLink }
  | { kind: 'working'; link: CodeLink }
  | { kind: 'done'; name: string }
  | { kind: 'error'; message: string };

/**
 * The one-click sign-in `npm start` prints (the options page with `#code=…&server=…`): the code is exchanged once for a
 * token at that server. With access to the server already held (the demo build holds loopback access) it runs at once;
 * otherwise a click asks for that access first, as browsers require. The fragment is dropped once read, so a reload or
 * the history never offers a used code again.
 */
export function CodeSignIn({ hash = window.location.hash }: { hash?: string }) {
  const services = useServices();
  // Read once, when the page opens: the code works once.
  const [found] = useState(() => parseCodeLink(hash));
  const [state, setState] = useState<State>(() =>
    found === null ? { kind: 'none' } : found.ok ? { kind: 'working', link: found.link } : { kind: 'error', message: `The sign-in link did not work: ${found.message}.` },
  );
  const started = useRef(false);

  async function exchange(link: CodeLink) {
    setState({ kind: 'working', link });
    try {
      const me = await signInWithCode(services.db, link, services.fetch);
      await sendTyped(services.platform.sendMessage, 'auth.changed', { signedIn: true }).catch(() => null);
      setState({ kind: 'done', name: me.user.name });
    } catch (err) {
      setState({ kind: 'error', message: `The sign-in link did not work: ${describe(err)}.` });
    }
  }

  useEffect(() => {
    // Once per page, though StrictMode runs effects twice: a second exchange would find the code used.
    if (found === null || started.current) return;
    started.current = true;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!found.ok) return;
    const { link } = found;
    void services.platform.hasHostPermission(originPattern(link.server)).then((held) => (held ? exchange(link) : setState({ kind: 'ask', link })));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the fragment is read once, when the page opens
  }, []);

  async function allowAndSignIn(link: CodeLink) {
    const granted = await services.platform.requestHostPermission(originPattern(link.server));
    if (!granted) setState({ kind: 'error', message: `Leadside needs access to ${new URL(link.server).host} to sync. Open the link again and allow it.` });
    else await exchange(link);
  }

  switch (state.kind) {
    case 'none':
      return null;
    case 'ask':
      return (
        <div className="options__code-sign-in">
          <button type="button" onClick={() => allowAndSignIn(state.link)}>
            Sign in to {new URL(state.link.server).host}
          </button>
        </div>
      );
    case 'working':
      return (
        <p role="status" className="options__status">
          Signing in to {state.link.server}…
        </p>
      );
    case 'done':
      return (
        <p role="status" className="options__status options__status--ok">
          Signed in as {state.name} with the one-time link.
        </p>
      );
    case 'error':
      return (
        <p role="alert" className="options__status options__status--error">
          {state.message}
        </p>
      );
  }
}

function describe(err: unknown): string {
  if (err instanceof ApiFailure) return err.kind === 'offline' ? 'could not reach the server' : err.message;
  return err instanceof Error ? err.message : String(err);
}
