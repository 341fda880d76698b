import { describe, expect, it } from 'vitest';
import { hostPatternFor } from '../../../lib/platform/host-pattern';
import type { WxtBrowser } from 'wxt/browser';
import { browserPlatform } from '../../../lib/platform';

describe('the host permission pattern each browser accepts for a server or site', () => {
  it('Chrome keeps the port: the grant is for that one origin', () => {
    expect(hostPatternFor('http://127.0.0.1:8787/*', 'chrome')).toBe('http://127.0.0.1:8787/*');
    expect(hostPatternFor('https://leadside.acme.com/*', 'chrome')).toBe('https://leadside.acme.com/*');
  });

  it('Firefox drops the port, which its manifest patterns never subsume; a portless pattern there covers every port', () => {
    expect(hostPatternFor('http://127.0.0.1:8787/*', 'firefox')).toBe('http://127.0.0.1/*');
    expect(hostPatternFor('https://leadside.acme.com:8443/*', 'firefox')).toBe('https://leadside.acme.com/*');
    expect(hostPatternFor('http://[::1]:8787/*', 'firefox')).toBe('http://[::1]/*');
    expect(hostPatternFor('https://leadside.acme.com/*', 'firefox')).toBe('https://leadside.acme.com/*');
  });
});

describe('the browser adapter asks for the pattern its browser accepts', () => {
  function stubBrowser() {
    const asked: { call: string; origins: string[] }[] = [];
    const record = (call: string) => async ({ origins = [] }: { origins?: string[] }) => {
      asked.push({ call, origins });
      return true;
    };
    const browser = {
      runtime: { id: 'extension@leadside.app', getURL: (path: string) => `moz-extension://uuid${path}` },
      permissions: { request: record('request'), contains: record('contains'), remove: record('remove') },
    } as unknown as WxtBrowser;
    return { browser, asked };
  }

  it('on Firefox, signing in to a server on a port and turning a site on ask for the portless pattern', async () => {
    const { browser, asked } = stubBrowser();
    const platform = browserPlatform(browser, { target: 'firefox' });
    await platform.requestHostPermission('http://127.0.0.1:8787/*');
    await platform.hasHostPermission('http://127.0.0.1:8787/*');
    await platform.sites.request('https://crm.acme.com:8443');
    expect(asked).toEqual([
      { call: 'request', origins: ['http://127.0.0.1/*'] },
      { call: 'contains', origins: ['http://127.0.0.1/*'] },
      { call: 'request', origins: ['https://crm.acme.com/*'] },
    ]);
  });

  it('on Firefox, turning off a site on the server’s host keeps the access the server needs', async () => {
    const { browser, asked } = stubBrowser();
    const platform = browserPlatform(browser, { target: 'firefox' });
    await platform.sites.release('http://localhost:5173', ['http://localhost:8787']);
    expect(asked).toEqual([]);
    await platform.sites.release('http://localhost:5173', ['https://leadside.acme.com']);
    expect(asked).toEqual([{ call: 'remove', origins: ['http://localhost/*'] }]);
  });

  it('on Chrome, the pattern keeps its port', async () => {
    const { browser, asked } = stubBrowser();
    const platform = browserPlatform(browser, { target: 'chrome' });
    await platform.requestHostPermission('http://127.0.0.1:8787/*');
    await platform.sites.release('http://localhost:5173', ['http://localhost:8787']);
    expect(asked).toEqual([
      { call: 'request', origins: ['http://127.0.0.1:8787/*'] },
      { call: 'remove', origins: ['http://localhost:5173/*'] },
    ]);
  });
});
