import { describe, expect, it } from 'vitest';
import { isLoopbackHost, withScheme } from '../../../lib/core/server-address';

describe('withScheme: the server address a newcomer types', () => {
  it.each([
    ['127.0.0.1:8787', 'http://127.0.0.1:8787', 'http'],
    ['localhost:8787', 'http://localhost:8787', 'http'],
    ['LOCALHOST', 'http://LOCALHOST', 'http'],
    ['[::1]:8787', 'http://[::1]:8787', 'http'],
    ['127.1.2.3:9000/', 'http://127.1.2.3:9000/', 'http'],
    ['leadside.acme.com', 'https://leadside.acme.com', 'https'],
    ['leadside.acme.com:8443/path', 'https://leadside.acme.com:8443/path', 'https'],
    // Not this machine, though it starts like it: https.
    ['localhost.evil.com', 'https://localhost.evil.com', 'https'],
    ['127.0.0.1.nip.io:8787', 'https://127.0.0.1.nip.io:8787', 'https'],
    ['  127.0.0.1:8787  ', 'http://127.0.0.1:8787', 'http'],
  ])('%s → %s', (typed, url, scheme) => {
    expect(withScheme(typed)).toEqual({ url, addedScheme: scheme });
  });

  it('keeps an address that has a scheme as typed, and adds nothing to an empty field', () => {
    expect(withScheme('http://127.0.0.1:8787')).toEqual({ url: 'http://127.0.0.1:8787', addedScheme: null });
    expect(withScheme('https://leadside.acme.com')).toEqual({ url: 'https://leadside.acme.com', addedScheme: null });
    expect(withScheme('ftp://x.example')).toEqual({ url: 'ftp://x.example', addedScheme: null });
    expect(withScheme('   ')).toEqual({ url: '', addedScheme: null });
  });

  it('counts only localhost, 127.0.0.0/8 and [::1] as this machine', () => {
    expect(['localhost', '127.0.0.1:1', '[::1]', '127.255.0.9'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '10.0.0.1', 'localhost.evil.com', '[::2]'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
