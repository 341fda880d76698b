import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { ApiFailure } from '../../lib/api/errors';
import { sendTyped } from '../../lib/messages';
import {
  apiFor,
  demoServerUrl,
  originPattern,
  parseSignInForm,
  PendingChangesError,
  signedOutReason,
  signIn,
  signOut,
  TOKEN_EXPIRED_MESSAGE,
  waitingForSignIn,
  type SignedOutReason,
} from '../../lib/session';
import { withScheme } from '../../lib/core/server-address';
import { useMeta, usePendingCount } from '../hooks/useMeta';
import { OpenDashboard } from './OpenDashboard';
import { useServices } from '../services';

type Status = { kind: 'idle' } | { kind: 'working'; what: string } | { kind: 'ok'; message: string } | { kind: 'error'; message: string };

/**
 * Sign-in to a Leadside server with a token: test the connection, sign in (asking host access), sign out. When the
 * server stopped accepting the stored token (it expired, or was revoked), the form comes back with the server filled
 * in and says why; the cache and its outbox stay, and signing in again as the same user sends what waited.
 */
export function SignIn() {
  const me = useMeta('me');
  const connection = useMeta('connection');
  const sync = useMeta('syncState');
  // The outbox count is read before the form shows, so its alert is whole when announced, not amended a moment later.
  const pending = usePendingCount();
  if (me === undefined || connection === undefined || sync === undefined || pending === undefined) return null;
  const signedOut = signedOutReason(Boolean(me && connection), sync);
  if (!signedOut && me && connection) return <SignedIn name={me.user.name} email={me.user.email} workspace={me.workspace.name} url={connection.url} />;
  return <SignInFormView again={signedOut?.kind === 'not_signed_in' ? null : signedOut} serverUrl={connection?.url ?? demoServerUrl()} pending={pending} />;
}

function SignInFormView({
  again,
  serverUrl,
  pending,
}: {
  again: Exclude<SignedOutReason, { kind: 'not_signed_in' }> | null;
  serverUrl: string;
  pending: number;
}) {
  const services = useServices();
  const [url, setUrl] = useState(serverUrl);
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // "127.0.0.1:8787" is taken as http://127.0.0.1:8787: the field shows what was used, and a line says so.
  const [addedScheme, setAddedScheme] = useState<string | null>(null);

  function validate() {
    const typed = withScheme(url);
    if (typed.addedScheme) {
      setUrl(typed.url);
      setAddedScheme(typed.url);
    }
    const parsed = parseSignInForm({ url: typed.url, token });
    if (!parsed.ok) {
      setFieldErrors(Object.fromEntries(parsed.issues.map((i) => [i.path, i.message])));
      setStatus({ kind: 'error', message: 'Check the highlighted fields.' });
      return null;
    }
    setFieldErrors({});
    return parsed.value;
  }

  async function testConnection() {
    const form = validate();
    if (!form) return;
    setStatus({ kind: 'working', what: 'Testing the connection…' });
    try {
      const me = await apiFor(form, services.fetch).me();
      setStatus({ kind: 'ok', message: `Connected: ${me.user.name} (${me.user.role}) in ${me.workspace.name}.` });
    } catch (err) {
      setStatus({ kind: 'error', message: describeFailure(err) });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = validate();
    if (!form) return;
    setStatus({ kind: 'working', what: 'Signing in…' });
    try {
      // Asked inside the click, as browsers require; the extension has no host access until the rep grants it.
      const granted = await services.platform.requestHostPermission(originPattern(form.url));
      if (!granted) {
        setStatus({ kind: 'error', message: `Leadside needs access to ${new URL(form.url).host} to sync. Sign in again and allow it.` });
        return;
      }
      await signIn(services.db, form, services.fetch);
      await sendTyped(services.platform.sendMessage, 'auth.changed', { signedIn: true }).catch(() => null);
      setToken('');
    } catch (err) {
      setStatus({ kind: 'error', message: describeFailure(err) });
    }
  }

  const busy = status.kind === 'working';
  return (
    <form className="options__form" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
      <h2 id="sign-in-title">{again ? 'Sign in again' : 'Sign in to your Leadside server'}</h2>
      {again && (
        <p role="alert" className="options__notice">
          {again.kind === 'token_expired' ? `${TOKEN_EXPIRED_MESSAGE}.` : `The server stopped accepting your token (${again.message}).`}
          {waitingForSignIn(pending) && ` ${waitingForSignIn(pending)}`}
        </p>
      )}
      <Field
        label="Server address"
        error={fieldErrors.url}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder="https://leadside.example.com"
        value={url}
        onChange={(e) => {
          setUrl(e.target.value);
          setAddedScheme(null);
        }}
      />
      {addedScheme && !fieldErrors.url && (
        <p className="options__hint" role="status">
          Using {addedScheme}
        </p>
      )}
      <Field
        label="Token"
        error={fieldErrors.token}
        type="password"
        autoComplete="off"
        placeholder="lsk_…"
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <div className="options__actions">
        <button type="button" onClick={testConnection} disabled={busy}>
          Test connection
        </button>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}

function SignedIn({ name, email, workspace, url }: { name: string; email: string; workspace: string; url: string }) {
  const { db, platform } = useServices();
  const pending = usePendingCount() ?? 0;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);

  async function doSignOut(discardPending: boolean) {
    try {
      await signOut(db, { discardPending });
      await sendTyped(platform.sendMessage, 'auth.changed', { signedIn: false }).catch(() => null);
    } catch (err) {
      if (err instanceof PendingChangesError) setConfirming(true);
      else setStatus({ kind: 'error', message: describeFailure(err) });
    }
  }

  return (
    <section className="options__signed-in" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">Signed in</h2>
      <p>
        {name} ({email}) in <strong>{workspace}</strong> on {url}
      </p>
      {pending > 0 && <p role="status">{pending} change{pending === 1 ? '' : 's'} waiting to reach the server.</p>}
      <OpenDashboard />
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-title" className="options__confirm">
          <p id="confirm-title">
            {pending} change{pending === 1 ? ' has' : 's have'} not reached the server. Signing out now loses {pending === 1 ? 'it' : 'them'}.
          </p>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep me signed in
          </button>
          <button type="button" className="danger" onClick={() => doSignOut(true)}>
            Sign out and lose {pending === 1 ? 'it' : 'them'}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => doSignOut(false)}>
          Sign out
        </button>
      )}
      <StatusLine status={status} />
    </section>
  );
}

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'idle') return <p role="status" className="options__status" />;
  const text = status.kind === 'working' ? status.what : status.message;
  return (
    <p role={status.kind === 'error' ? 'alert' : 'status'} className={`options__status options__status--${status.kind}`}>
      {text}
    </p>
  );
}

function describeFailure(err: unknown): string {
  if (err instanceof ApiFailure) {
    if (err.tokenExpired) return 'This token has expired. Ask your admin for a new one.';
    if (err.kind === 'unauthorized') return 'The server does not accept this token. Ask your admin for a new one.';
    if (err.kind === 'offline') return 'Could not reach the server. Check the address and your connection.';
    return `The server refused: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A labelled input with its error under it, tied to it for screen readers. */
function Field({ label, error, ...input }: { label: string; error: string | undefined } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error && (
        <p id={`${id}-error`} className="options__field-error">
          {error}
        </p>
      )}
    </>
  );
}
