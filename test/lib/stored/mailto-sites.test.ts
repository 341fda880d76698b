import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addMailtoSite, defineStoredItem, MAILTO_SITES, removeMailtoSite, type StoredItem } from '../../../lib/stored';

let sites: StoredItem<string[]>;
beforeEach(() => {
  fakeBrowser.reset();
  sites = defineStoredItem(MAILTO_SITES);
});

describe('the sites the mailto reader is on for', () => {
  it('adding keeps the site’s origin once; removing takes it off', async () => {
    expect(await addMailtoSite('https://www.example.com/team?x=1', sites)).toEqual(['https://www.example.com']);
    expect(await addMailtoSite('https://www.example.com/', sites)).toEqual(['https://www.example.com']);
    expect(await addMailtoSite('http://localhost:3000', sites)).toEqual(['https://www.example.com', 'http://localhost:3000']);
    expect(await removeMailtoSite('https://www.example.com/about', sites)).toEqual(['http://localhost:3000']);
    expect(await fakeBrowser.storage.local.get('mailtoSites')).toEqual({ mailtoSites: ['http://localhost:3000'] });
    expect(await removeMailtoSite('https://not-listed.example', sites)).toEqual(['http://localhost:3000']);
  });

  it.each(['not a url', 'javascript:alert(1)', 'ftp://files.example.com', ''])('refuses %j and changes nothing', async (bad) => {
    await addMailtoSite('https://www.example.com', sites);
    await expect(addMailtoSite(bad, sites)).rejects.toThrow(/^mailto site is not valid: must be a web address/);
    await expect(removeMailtoSite(bad, sites)).rejects.toThrow(/^mailto site is not valid/);
    expect(await sites.get()).toEqual(['https://www.example.com']);
  });

  it('changes made at once all land (one at a time in this context)', async () => {
    await Promise.all(['https://a.example', 'https://b.example', 'https://c.example'].map((site) => addMailtoSite(site, sites)));
    expect(await sites.get()).toEqual(['https://a.example', 'https://b.example', 'https://c.example']);
  });

  it('a watcher hears every change, checked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const heard: string[][] = [];
    const unwatch = sites.watch((value) => heard.push(value));
    await addMailtoSite('https://www.example.com', sites);
    await fakeBrowser.storage.local.set({ mailtoSites: 'junk' });
    await removeMailtoSite('https://www.example.com', sites);
    unwatch();
    await addMailtoSite('https://late.example', sites);
    expect(heard).toEqual([['https://www.example.com'], [], []]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Leadside: stored mailtoSites is not valid/));
    warn.mockRestore();
  });
});
