import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../lib/messages';
import { isPageAsk, MAX_CONTACTS, PAGE_ASK, pageReportMessage } from '../../../lib/messages/page-protocol';

describe('what a content script and the background share', () => {
  it('recognises the background question', () => {
    expect(isPageAsk(PAGE_ASK)).toBe(true);
    expect(isPageAsk({ type: 'page.contacts' })).toBe(false);
    expect(isPageAsk(null)).toBe(false);
  });

  it('the report limit is the schema’s', () => {
    const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@x.example`, name: null, role: 'link' as const }));
    const report = (n: number) => pageReportMessage({ host: 'mailto', url: 'https://www.example.com/', contacts: contacts(n) }).data;
    expect(PROTOCOL['page.contacts'].request.safeParse(report(MAX_CONTACTS)).success).toBe(true);
    expect(PROTOCOL['page.contacts'].request.safeParse(report(MAX_CONTACTS + 1)).success).toBe(false);
  });
});
