import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizePageUrl } from '../../../../lib/core/intelligence';

describe('normalizePageUrl', () => {
  it.each([
    ['plain page stays as is', 'https://acme.com/pricing', 'https://acme.com/pricing'],
    ['hash dropped', 'https://acme.com/pricing#plans', 'https://acme.com/pricing'],
    ['trailing slash dropped', 'https://acme.com/pricing/', 'https://acme.com/pricing'],
    ['several trailing slashes dropped', 'https://acme.com/docs/api//', 'https://acme.com/docs/api'],
    ['root keeps its slash', 'https://acme.com/', 'https://acme.com/'],
    ['bare host gets the root slash', 'https://acme.com', 'https://acme.com/'],
    ['host lower-cased, path case kept', 'https://WWW.Acme.COM/Pricing', 'https://www.acme.com/Pricing'],
    ['utm_* dropped', 'https://acme.com/pricing?utm_source=news&utm_medium=email', 'https://acme.com/pricing'],
    ['UTM_ in capitals dropped too', 'https://acme.com/pricing?UTM_Campaign=q1', 'https://acme.com/pricing'],
    ['Leadside ls dropped', 'https://acme.com/pricing?ls=k2x9', 'https://acme.com/pricing'],
    ['Leadside ls_* dropped', 'https://acme.com/pricing?ls_rep=7&ls_email=e1', 'https://acme.com/pricing'],
    ['other params kept, in order', 'https://acme.com/p?b=2&utm_source=x&a=1', 'https://acme.com/p?b=2&a=1'],
    ['"lsx" and "class" are not ours', 'https://acme.com/p?lsx=1&class=2', 'https://acme.com/p?lsx=1&class=2'],
    ['everything at once', 'https://Acme.com/pricing/?utm_source=x&ls=1#faq', 'https://acme.com/pricing'],
    ['default port dropped', 'https://acme.com:443/pricing', 'https://acme.com/pricing'],
    ['not a URL: compared as written', '  not a url ', 'not a url'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizePageUrl(raw)).toBe(expected);
  });

  it.each([
    ['utm_source', true],
    ['Utm_Term', true],
    ['ls', true],
    ['ls_contact', true],
    ['lsd', false],
    ['utm', false],
    ['page', false],
  ])('isTrackingParam(%s) is %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });
});
