import { describe, expect, it } from 'vitest';
import { isIpv4InCidr, parseCidr, parseIpv4 } from '../../../../lib/core/trust';

describe('parseIpv4', () => {
  it.each([
    // 17 × 2^24 + 58 × 2^16 + 0 × 2^8 + 1 = 285,212,672 + 3,801,088 + 1
    ['17.58.0.1', 289_013_761],
    ['0.0.0.0', 0],
    // 2^32 − 1
    ['255.255.255.255', 4_294_967_295],
    [' 10.0.0.1 ', 167_772_161],
    // IPv4-mapped IPv6, as a dual-stack server reports IPv4 peers
    ['::ffff:17.58.0.1', 289_013_761],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['017.1.1.1', null],
    ['1.2.3.-4', null],
    ['1.2.3.4a', null],
    ['::1', null],
    ['2a01:b747:3001::1', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseIpv4(text)).toBe(expected);
  });
});

describe('parseCidr', () => {
  it.each([
    ['17.0.0.0/8', { base: 285_212_672, prefixLength: 8 }],
    ['0.0.0.0/0', { base: 0, prefixLength: 0 }],
    ['17.0.0.0/33', null],
    ['17.0.0.0', null],
    ['17.0.0.0/8/8', null],
    ['17.0.0.0/x', null],
  ])('%j → %j', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });
});

describe('isIpv4InCidr', () => {
  it.each([
    ['17.58.63.1', '17.0.0.0/8', true],
    ['17.0.0.0', '17.0.0.0/8', true],
    ['17.255.255.255', '17.0.0.0/8', true],
    ['16.255.255.255', '17.0.0.0/8', false],
    ['18.0.0.0', '17.0.0.0/8', false],
    // the prefix trap: "170." and "171." start with "17" but are not Apple's
    ['170.1.1.1', '17.0.0.0/8', false],
    ['171.0.0.1', '17.0.0.0/8', false],
    ['::ffff:17.58.63.1', '17.0.0.0/8', true],
    ['2620:149:a44::1', '17.0.0.0/8', false],
    // /26 at .64 covers .64–.127
    ['192.168.1.64', '192.168.1.64/26', true],
    ['192.168.1.127', '192.168.1.64/26', true],
    ['192.168.1.128', '192.168.1.64/26', false],
    ['192.168.1.63', '192.168.1.64/26', false],
    ['1.2.3.4', '1.2.3.4/32', true],
    ['1.2.3.5', '1.2.3.4/32', false],
    ['203.0.113.9', '0.0.0.0/0', true],
    // high addresses stay unsigned
    ['255.255.255.255', '128.0.0.0/1', true],
    ['127.255.255.255', '128.0.0.0/1', false],
    ['17.58.63.1', 'not-a-cidr', false],
  ])('%s in %s → %s', (ip, cidr, expected) => {
    expect(isIpv4InCidr(ip, cidr)).toBe(expected);
  });
});
