import { describe, expect, it } from 'vitest';
import { matchesUrlPattern, matchesWildcard } from '../../../../lib/core/scoring';

describe('matchesWildcard', () => {
  it.each([
    // alternatives
    ['*vp*|*head of*', 'VP Marketing', true],
    ['*vp*|*head of*', 'Head of Growth', true],
    ['*vp*|*head of*', 'Marketing Manager', false],
    // case-insensitive both ways, anchored at both ends
    ['acme', 'ACME', true],
    ['ACME', 'acme', true],
    ['acme', 'acme inc', false],
    ['acme', 'the acme', false],
    // `*` is any run, including none
    ['*', '', true],
    ['*', 'anything at all', true],
    ['acme*', 'acme', true],
    ['a**b', 'ab', true],
    ['a**b', 'axxb', true],
    ['*x*y*', 'xy', true],
    ['*x*y*', 'yx', false],
    // prefix and suffix may not share characters: "a*a" needs two a's
    ['a*a', 'a', false],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    // regex characters are literal
    ['*.edu', 'mit.edu', true],
    ['*.edu', 'mitXedu', false],
    ['what?', 'what?', true],
    ['what?', 'whats', false],
    ['(beta)*', '(beta) program', true],
    ['(beta)*', 'beta program', false],
    ['c++', 'C++', true],
    ['c++', 'ccc', false],
    ['[a-z]', 'q', false],
    ['[a-z]', '[A-Z]', true],
    ['^vp$', 'vp', false],
    ['\\d', '\\d', true],
    // empty alternatives are ignored, so a stray "|" never matches empty text
    ['a||b', '', false],
    ['a||b', 'b', true],
    ['|', '', false],
  ])('%j against %j → %s', (pattern, text, expected) => {
    expect(matchesWildcard(pattern, text)).toBe(expected);
  });

  it.each([
    ['no match', 'a'.repeat(5000), false],
    ['match at the very end', `${'a'.repeat(5000)}b`, true],
  ])('a pathological pattern on 5,000 characters answers (%s)', (_, text, expected) => {
    // A backtracking `.*a.*a…b` regex would take minutes here and time the test out; the piecewise scan never backtracks.
    expect(matchesWildcard('*a*a*a*a*a*a*a*b', text)).toBe(expected);
  });
});

describe('matchesUrlPattern', () => {
  it.each([
    // no "://": path and query only
    ['/pricing*', 'https://acme.com/pricing', true],
    ['/pricing*', 'https://acme.com/pricing?plan=pro', true],
    ['/pricing', 'https://acme.com/pricing?plan=pro', false],
    ['/pricing', 'https://acme.com/pricing#plans', true],
    ['/pricing*', 'https://acme.com/docs/pricing', false],
    ['/pricing*', 'https://pricing.acme.com/', false],
    ['*pricing*', 'https://acme.com/docs/pricing', true],
    ['/', 'https://acme.com', true],
    ['/PRICING*', 'https://acme.com/pricing', true],
    // "://": the whole URL
    ['*://docs.acme.com/*', 'https://docs.acme.com/start', true],
    ['*://docs.acme.com/*', 'https://acme.com/docs/start', false],
    ['https://acme.com/pricing*', 'https://ACME.com/Pricing', true],
    ['https://acme.com/pricing*', 'http://acme.com/pricing', false],
    // decided per alternative
    ['/pricing*|*://docs.acme.com/*', 'https://docs.acme.com/intro', true],
    ['/pricing*|*://docs.acme.com/*', 'https://www.acme.com/pricing', true],
    ['/pricing*|*://docs.acme.com/*', 'https://www.acme.com/blog', false],
    // a URL that does not parse never matches
    ['*', 'not a url', false],
  ])('%j against %j → %s', (pattern, url, expected) => {
    expect(matchesUrlPattern(pattern, url)).toBe(expected);
  });
});
