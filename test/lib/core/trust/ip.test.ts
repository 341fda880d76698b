import { describe, expect, it } from 'vitest';
import { compileRangeTable, isIpv4InCidr, parseCidr, parseIpAddress, parseIpRange, parseIpv4, parseIpv6 } from '../../../../lib/core/trust';

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

describe('parseIpv6', () => {
  it.each<[string, bigint | null]>([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::1', 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    // leading zeros inside a hex group are part of the notation (RFC 4291 §2.2), not octal
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['2A01:111:F403:C000::1A', 0x2a01_0111_f403_c000_0000_0000_0000_001an],
    ['1:2:3:4:5:6:7:8', 0x0001_0002_0003_0004_0005_0006_0007_0008n],
    // "::" may stand for a single zero group
    ['1:2:3:4:5:6:7::', 0x0001_0002_0003_0004_0005_0006_0007_0000n],
    ['1::8', 0x0001_0000_0000_0000_0000_0000_0000_0008n],
    // 17.58.0.1 is 0x113a0001, in the last two groups
    ['::ffff:17.58.0.1', 0xffff_113a_0001n],
    ['0:0:0:0:0:ffff:17.58.0.1', 0xffff_113a_0001n],
    [' fe80::1 ', 0xfe80_0000_0000_0000_0000_0000_0000_0001n],
    ['1:2:3:4:5:6:7', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['1:2:3:4:5:6:7:8::', null],
    ['1::2::3', null],
    [':::', null],
    ['2001:db8:::1', null],
    [':1::', null],
    ['12345::', null],
    ['g::1', null],
    ['fe80::1%eth0', null],
    ['[::1]', null],
    ['::ffff:256.1.1.1', null],
    ['::ffff:017.1.1.1', null],
    ['1.2.3.4::', null],
    ['::1.2.3.4:5', null],
    ['17.58.0.1', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseIpv6(text)).toBe(expected);
  });
});

describe('parseIpAddress: IPv4 and IPv6 in one space', () => {
  it.each<[string, bigint | null]>([
    ['17.58.0.1', 0xffff_113a_0001n],
    ['::ffff:17.58.0.1', 0xffff_113a_0001n],
    ['::ffff:113a:1', 0xffff_113a_0001n],
    ['2001:db8::1', 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['017.58.0.1', null],
    ['junk', null],
  ])('%j → %s', (text, expected) => {
    expect(parseIpAddress(text)).toBe(expected);
  });
});

describe('parseIpRange', () => {
  const V4 = 0xffff_0000_0000n;
  it.each<[string, { first: bigint; last: bigint } | null]>([
    // 17 << 24 = 0x11000000; a /8 holds 2^24 addresses
    ['17.0.0.0/8', { first: V4 + 0x1100_0000n, last: V4 + 0x11ff_ffffn }],
    ['209.66.100.64/26', { first: V4 + 0xd142_6440n, last: V4 + 0xd142_647fn }],
    ['1.2.3.4/32', { first: V4 + 0x0102_0304n, last: V4 + 0x0102_0304n }],
    ['0.0.0.0/0', { first: V4, last: V4 + 0xffff_ffffn }],
    ['2a01:111:f400::/48', { first: 0x2a01_0111_f400n << 80n, last: (0x2a01_0111_f400n << 80n) + (1n << 80n) - 1n }],
    ['2001:4860::/32', { first: 0x2001_4860n << 96n, last: (0x2001_4861n << 96n) - 1n }],
    ['::/0', { first: 0n, last: (1n << 128n) - 1n }],
    ['::1/128', { first: 1n, last: 1n }],
    // host bits set: a mistyped block is refused, not widened
    ['40.107.0.1/16', null],
    ['2a01:111:f400::1/48', null],
    ['10.0.0.0/08', null],
    ['10.0.0.0/33', null],
    ['::/129', null],
    ['10.0.0.0', null],
    ['10.0.0.0/8/8', null],
    ['010.0.0.0/8', null],
  ])('%j', (text, expected) => {
    expect(parseIpRange(text)).toEqual(expected);
  });
});

describe('compileRangeTable', () => {
  const table = compileRangeTable([
    { cidr: '192.0.2.0/25', value: 'low half' },
    { cidr: '192.0.2.128/26', value: 'third quarter' },
    { cidr: '2001:db8::/33', value: 'v6' },
  ]);

  it.each<[string | null, string | null]>([
    ['192.0.2.0', 'low half'],
    ['192.0.2.127', 'low half'],
    ['192.0.2.128', 'third quarter'],
    ['192.0.2.191', 'third quarter'],
    ['192.0.2.192', null],
    ['192.0.1.255', null],
    ['::ffff:192.0.2.130', 'third quarter'],
    ['2001:db8::1', 'v6'],
    ['2001:db8:7fff:ffff:ffff:ffff:ffff:ffff', 'v6'],
    ['2001:db8:8000::', null],
    ['2001:db7:ffff::', null],
    ['not an address', null],
    [null, null],
  ])('%s → %s', (ip, expected) => {
    expect(table.lookup(ip)).toBe(expected);
  });

  it('refuses overlapping or malformed blocks', () => {
    expect(() => compileRangeTable([{ cidr: '10.0.0.0/8', value: 1 }, { cidr: '10.1.0.0/16', value: 2 }])).toThrow('overlapping');
    expect(() => compileRangeTable([{ cidr: '10.0.0.1/8', value: 1 }])).toThrow('not a CIDR block');
    expect(compileRangeTable([]).lookup('10.0.0.1')).toBeNull();
  });
});
