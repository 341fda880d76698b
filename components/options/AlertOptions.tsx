import { useEffect, useId, useState } from 'react';
import { alertSwitch } from '../../lib/stored';
import { useAlertSwitch } from '../hooks/useAlertSwitch';
import { useServices } from '../services';

type Status = { kind: 'idle' } | { kind: 'error'; message: string };

/**
 * "Alerts on this computer": hot-lead notifications from the background (docs/sync.md § Alerts in the browser). Turning it on asks the
 * browser for `notifications` in the click itself (an optional permission, never asked at install); a refusal leaves it
 * off and says so. On, but the permission taken back in the browser's settings: shown as off, with the reason.
 */
export function AlertOptions() {
  const { platform } = useServices();
  const stored = useAlertSwitch();
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const headingId = useId();
  const toggleId = useId();
  const hintId = useId();
  useEffect(() => {
    let live = true;
    void platform.notifications.granted().then((g) => live && setGranted(g));
    return () => {
      live = false;
    };
  }, [platform]);

  if (stored === undefined || granted === undefined) return null;
  const on = stored.on && granted;

  function change(next: boolean) {
    if (!next) {
      setStatus({ kind: 'idle' });
      void alertSwitch().set({ on: false });
      return;
    }
    // Asked first thing in the click: an await before it would lose the user gesture.
    const asked = platform.notifications.request();
    void (async () => {
      try {
        const ok = await asked;
        setGranted(ok);
        if (!ok) {
          setStatus({ kind: 'error', message: 'The browser did not allow notifications, so alerts stay off.' });
          return;
        }
        await alertSwitch().set({ on: true });
        setStatus({ kind: 'idle' });
      } catch (err) {
        setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }

  return (
    <section className="options__alerts" aria-labelledby={headingId}>
      <h2 id={headingId}>Alerts</h2>
      <p className="options__check">
        <input id={toggleId} type="checkbox" aria-describedby={hintId} checked={on} onChange={(e) => change(e.target.checked)} />
        <label htmlFor={toggleId}>Alerts on this computer</label>
      </p>
      <p id={hintId} className="options__hint">
        A notification when one of your leads is on the site, comes back, opens your email or is about to breach, with
        “Open lead” to open it in the side panel. The browser asks once for permission to show notifications.
        {stored.on && !granted && ' Notifications were turned off in the browser, so alerts are off.'}
      </p>
      {status.kind === 'error' && (
        <p role="alert" className="error-text">
          {status.message}
        </p>
      )}
    </section>
  );
}
