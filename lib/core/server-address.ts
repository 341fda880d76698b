// The server address a person types at sign-in. Newcomers type what the terminal printed without its scheme
// ("127.0.0.1:8787"); the scheme is added for them, plain http only for this machine (a local or demo server, where
// there is no certificate), https for every other host. The one rule for which hosts count as this machine is here too.

/** localhost, 127.0.0.0/8 and [::1], with or without a port: the only hosts Leadside talks to over plain http. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

export function isLoopbackHost(hostWithPort: string): boolean {
  return LOOPBACK_HOST.test(hostWithPort);
}

export interface ServerAddress {
  /** The address with its scheme. */
  url: string;
  /** The scheme this rule added, or null when the person typed one. */
  addedScheme: 'http' | 'https' | null;
}

/** The address with a scheme: as typed when it has one, else http for a loopback host and https for any other. */
export function withScheme(typed: string): ServerAddress {
  const text = typed.trim();
  if (text === '' || /^[a-z][a-z\d+.-]*:\/\//i.test(text)) return { url: text, addedScheme: null };
  const host = text.split(/[/?#]/, 1)[0]!;
  const scheme = isLoopbackHost(host) ? 'http' : 'https';
  return { url: `${scheme}://${text}`, addedScheme: scheme };
}
