import { useState } from 'react';

/**
 * A secret the server shows this once (a token, a sign-in link, a shared screen's URL): in a read-only field that
 * selects itself, with a copy button. Where the browser gives no clipboard, it says to copy by hand.
 */
export function OnceSecret({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch {
      setCopied('This browser did not let the page copy: select the text and copy it.');
    }
  };
  return (
    <div className="notice notice--ok once-secret" role="group" aria-label={label}>
      <label className="field">
        <span>{label}</span>
        <input type="text" readOnly value={value} onFocus={(e) => e.target.select()} />
      </label>
      <div className="inline">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span className="muted" aria-live="polite">
          {copied}
        </span>
      </div>
      <p className="small-note">{note}</p>
    </div>
  );
}
