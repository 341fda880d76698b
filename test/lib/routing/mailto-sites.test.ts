import { describe, expect, it } from 'vitest';
import { mailtoMatches } from '../../../lib/routing';

describe('where the mailto reader is registered', () => {
  it.each([
    ['a site the rep enabled and granted', ['https://www.example.com'], ['https://www.example.com/*'], ['https://www.example.com/*']],
    ['granted through the broad optional pattern', ['https://www.example.com/team'], ['https://*/*'], ['https://www.example.com/*']],
    ['enabled but not granted (or revoked)', ['https://www.example.com'], ['https://other.example/*'], []],
    ['granted but not enabled (the rep\'s server origin)', [], ['https://leadside.acme.example/*'], []],
    ['localhost over http', ['http://localhost:3000'], ['http://localhost/*'], ['http://localhost:3000/*']],
    ['junk in storage', ['not a url', 42, 'javascript:alert(1)'], ['https://*/*'], []],
    ['not a list', 'https://www.example.com', ['https://*/*'], []],
    ['duplicates once', ['https://www.example.com', 'https://www.example.com/about'], ['https://*/*'], ['https://www.example.com/*']],
  ])('%s', (_case, sites, granted, matches) => {
    expect(mailtoMatches(sites, granted)).toEqual(matches);
  });
});
