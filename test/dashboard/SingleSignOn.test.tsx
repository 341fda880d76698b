// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, serverForSuite, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

// Single sign-on in the dashboard: the signed-out page offers the provider the server is configured with (nothing more
// than before without one), and Settings → Single sign-on is where an admin allows domains to sign up.

const SLOW = 30_000;
const OIDC = { issuer: 'https://login.acme.example', clientId: 'leadside', clientSecret: 's3cret', name: 'Acme Login' };

/** The control a <label> with this text is for (label queries over the settings page's hundred fields are slow). */
function control(scope: HTMLElement, label: string): HTMLElement & { value: string } {
  const element = within(scope).getByText(label, { selector: 'label' }) as HTMLLabelElement;
  return document.getElementById(element.htmlFor) as HTMLInputElement;
}
const ssoSection = async () => (await screen.findByText('Single sign-on', { selector: 'h2' }, { timeout: SLOW })).closest('section')!;

describe('the signed-out page with single sign-on configured', () => {
  const server = serverForSuite('pglite', { oidc: OIDC });
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await makeWorkspace(server, 'Ssoco');
  });

  it('offers "Sign in with Acme Login", a link to the server’s start page, beside the sign-in link', async () => {
    renderApp(apiAs(server.url, null), { now: server.clock.now });
    const link = await screen.findByRole('link', { name: 'Sign in with Acme Login' });
    expect(link.getAttribute('href')).toBe('/signin/oidc');
    expect(screen.getByRole('heading', { level: 2, name: 'Or ask your admin for a sign-in link' })).toBeTruthy();
  });

  it(
    'an admin allows a domain to sign up with a role; a bad domain is refused at its line; a manager sees it read-only',
    async () => {
      renderApp(apiAs(server.url, ws.users.admin!.token), { path: 'settings', now: server.clock.now });
      const section = await ssoSection();
      const domains = control(section, 'Domains that may sign up');
      const save = section.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      fireEvent.change(domains, { target: { value: 'ssoco.example\nnot a domain' } });
      fireEvent.click(save);
      await waitFor(() => expect(domains.getAttribute('aria-invalid')).toBe('true'));
      expect(section.textContent).toContain('line 2: must be a domain name such as acme.com');

      fireEvent.change(domains, { target: { value: 'Ssoco.example' } });
      fireEvent.change(control(section, 'Role of people who sign up'), { target: { value: 'manager' } });
      fireEvent.click(save);
      await within(section).findByText('Saved.', {}, { timeout: SLOW });
      const stored = (await (await server.api(ws.users.admin!.token, '/v1/settings')).json()) as { sso: unknown };
      expect(stored.sso).toEqual({ signUpDomains: ['ssoco.example'], signUpRole: 'manager' });
      cleanup();

      renderApp(apiAs(server.url, ws.users.manager!.token), { path: 'settings', now: server.clock.now });
      const asManager = await ssoSection();
      expect(asManager.querySelector('button[type="submit"]')).toBeNull();
      expect(control(asManager, 'Domains that may sign up').value).toBe('ssoco.example');
    },
    SLOW * 2,
  );
});

describe('the signed-out page without single sign-on', () => {
  const server = serverForSuite('pglite');

  it('shows only the sign-in link, as before', async () => {
    renderApp(apiAs(server.url, null), { now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 2, name: 'Ask your admin for a sign-in link' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });
});
