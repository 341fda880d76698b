import { describe, expect, it } from 'vitest';
import { bearerCredentials, cookieCredentials } from '../../dashboard/api/credentials';

describe('the dashboard’s credentials', () => {
  it('a cookie session sends cookies on its own origin and its CSRF token on writes only, once the session gave one', () => {
    const c = cookieCredentials();
    expect(c.fetchCredentials).toBe('same-origin');
    expect(c.cookieSession).toBe(true);
    expect(c.headers(true)).toEqual({});
    c.setCsrfToken('csrf-123');
    expect(c.headers(true)).toEqual({ 'X-CSRF-Token': 'csrf-123' });
    expect(c.headers(false)).toEqual({});
  });

  it('a token goes as a Bearer header on every request, and no cookie is sent', () => {
    const c = bearerCredentials('lsk_abc');
    expect(c.fetchCredentials).toBe('omit');
    expect(c.cookieSession).toBe(false);
    expect(c.headers(false)).toEqual({ Authorization: 'Bearer lsk_abc' });
    c.setCsrfToken('ignored');
    expect(c.headers(true)).toEqual({ Authorization: 'Bearer lsk_abc' });
  });
});
