import { describe, expect, it } from 'vitest';
import { pageReport } from '../../../lib/detect/report';
import { PROTOCOL } from '../../../lib/messages';
import { reportedUrl } from '../../../lib/messages/page-protocol';

describe('the report a content script sends', () => {
  it('keeps short URLs, trims long ones to a URL the schema takes', () => {
    expect(reportedUrl('https://outlook.office.com/mail/inbox/id/AAQk%3D')).toBe('https://outlook.office.com/mail/inbox/id/AAQk%3D');
    const long = `https://outlook.office.com/mail/inbox/id/${'A'.repeat(2100)}?x=1#y`;
    expect(reportedUrl(long)).toBe('https://outlook.office.com/');
    const longQuery = `https://outlook.office.com/mail/inbox/id/AAQk?${'q'.repeat(2100)}`;
    expect(reportedUrl(longQuery)).toBe('https://outlook.office.com/mail/inbox/id/AAQk');
    const report = pageReport('outlook', long, []);
    expect(() => PROTOCOL['page.contacts'].request.parse(report)).not.toThrow();
  });

  it('caps contacts at 50', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ email: `p${i}@x.example`, name: null, role: 'link' as const }));
    expect(pageReport('mailto', 'https://www.example.com/', many).contacts).toHaveLength(50);
  });
});
