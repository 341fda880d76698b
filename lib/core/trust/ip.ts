/**
 * Just enough IP to test an address against published CIDR blocks, IPv4 and IPv6. Addresses are parsed into numbers
 * rather than compared as text: "17." as a prefix would wrongly take in 170.1.1.1 and 171.x. Parsing is strict on
 * purpose: anything a parser might read two ways (a leading zero, an octet over 255, two "::") is refused, never guessed.
 */

/** A dotted quad as an unsigned 32-bit number; null for anything else (IPv6, junk, octets over 255). */
export function parseIpv4(text: string): number | null {
  const address = stripMappedPrefix(text.trim());
  return parseDottedQuad(address);
}

/**
 * Any IPv6 text form (RFC 4291 §2.2: full, "::"-compressed, or ending in a dotted quad) as an unsigned 128-bit number;
 * null for anything else. Groups are 1 to 4 hex digits; zone ids ("fe80::1%eth0") and brackets are refused.
 */
export function parseIpv6(text: string): bigint | null {
  const address = text.trim().toLowerCase();
  if (address === '' || !/^[0-9a-f:.]+$/.test(address)) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const compressed = halves.length === 2;
  // An embedded IPv4 address may only end the address, so only the last half may hold one.
  const head = hexGroups(halves[0]!, !compressed);
  const tail = compressed ? hexGroups(halves[1]!, true) : [];
  if (head === null || tail === null) return null;
  const written = head.length + tail.length;
  // "::" stands for at least one zero group; without it all eight must be written.
  if (compressed ? written > 7 : written !== 8) return null;
  const all = [...head, ...new Array<number>(8 - written).fill(0), ...tail];
  let value = 0n;
  for (const group of all) value = (value << 16n) | BigInt(group);
  return value;
}

/** An address in one 128-bit space: IPv4 as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so one comparison serves both. */
export function parseIpAddress(text: string): bigint | null {
  const v4 = parseDottedQuad(text.trim());
  if (v4 !== null) return IPV4_MAPPED_BASE + BigInt(v4);
  return parseIpv6(text);
}

/** "17.0.0.0/8" as its base address and prefix length; null when malformed. */
export function parseCidr(text: string): { base: number; prefixLength: number } | null {
  const [address, length, extra] = text.trim().split('/');
  if (address === undefined || length === undefined || extra !== undefined || !/^[0-9]{1,2}$/.test(length)) return null;
  const base = parseIpv4(address);
  const prefixLength = Number(length);
  if (base === null || prefixLength > 32) return null;
  return { base, prefixLength };
}

/** A block of addresses, first and last inclusive, in the space of parseIpAddress. */
export interface IpRange {
  first: bigint;
  last: bigint;
}

/**
 * A published IPv4 or IPv6 CIDR block ("40.107.0.0/16", "2a01:111:f403::/48") as its first and last address; null when
 * malformed. Stricter than parseCidr, since it reads data we ship: the prefix has no leading zero, and the address must
 * be the block's own first address (host bits zero), so a mistyped entry fails its test instead of quietly matching a
 * different block.
 */
export function parseIpRange(text: string): IpRange | null {
  const [address, length, extra] = text.trim().split('/');
  if (address === undefined || length === undefined || extra !== undefined || !/^(0|[1-9][0-9]{0,2})$/.test(length)) return null;
  const prefixLength = Number(length);
  const v4 = parseDottedQuad(address);
  const [base, bits] = v4 !== null ? [IPV4_MAPPED_BASE + BigInt(v4), 32] : [parseIpv6(address), 128];
  if (base === null || prefixLength > bits) return null;
  const hostSize = 1n << BigInt(bits - prefixLength);
  const offset = v4 !== null ? BigInt(v4) : base;
  if (offset % hostSize !== 0n) return null;
  return { first: base, last: base + hostSize - 1n };
}

/** Whether the IPv4 address lies in the IPv4 block. Anything that is not IPv4 (IPv6 included) is simply not in it. */
export function isIpv4InCidr(ip: string, cidr: string): boolean {
  const address = parseIpv4(ip);
  const block = parseCidr(cidr);
  if (address === null || block === null) return false;
  // Dividing by the host part's size keeps the network bits; plain arithmetic avoids JS's signed 32-bit shifts.
  const hostSize = 2 ** (32 - block.prefixLength);
  return Math.floor(address / hostSize) === Math.floor(block.base / hostSize);
}

/** Blocks sorted once, each with what it stands for, found by binary search. */
export interface RangeTable<T> {
  /** What the block holding the address stands for; null for an unknown or unparsable address. */
  lookup(ip: string | null): T | null;
  readonly size: number;
}

/**
 * Compiles CIDR blocks once into a sorted table. Throws on a malformed or overlapping block: the table is built from
 * data we ship, so that is a bug the data's test must catch, never something to skip at run time.
 */
export function compileRangeTable<T>(blocks: readonly { cidr: string; value: T }[]): RangeTable<T> {
  const ranges = blocks.map(({ cidr, value }) => {
    const range = parseIpRange(cidr);
    if (range === null) throw new Error(`not a CIDR block: ${cidr}`);
    return { ...range, cidr, value };
  });
  ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.first <= ranges[i - 1]!.last) throw new Error(`overlapping CIDR blocks: ${ranges[i - 1]!.cidr} and ${ranges[i]!.cidr}`);
  }
  return {
    size: ranges.length,
    lookup(ip) {
      const address = ip === null ? null : parseIpAddress(ip);
      if (address === null) return null;
      // The last block starting at or before the address is the only one that can hold it.
      let low = 0;
      let high = ranges.length - 1;
      let candidate = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (ranges[mid]!.first <= address) {
          candidate = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      const range = candidate >= 0 ? ranges[candidate]! : null;
      return range !== null && address <= range.last ? range.value : null;
    },
  };
}

/** ::ffff:0.0.0.0, where IPv4 addresses sit in the IPv6 space. */
const IPV4_MAPPED_BASE = 0xffffn << 32n;

/** "2001:db8" as its 16-bit groups; an ending dotted quad fills two ("ffff:17.58.0.1"). Null when malformed. */
function hexGroups(part: string, quadMayEnd: boolean): number[] | null {
  if (part === '') return [];
  const groups: number[] = [];
  const pieces = part.split(':');
  for (const [i, piece] of pieces.entries()) {
    if (quadMayEnd && i === pieces.length - 1 && piece.includes('.')) {
      const quad = parseDottedQuad(piece);
      if (quad === null) return null;
      groups.push(Math.floor(quad / 65_536), quad % 65_536);
    } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function parseDottedQuad(address: string): number | null {
  const octets = address.split('.');
  if (octets.length !== 4) return null;
  let value = 0;
  for (const octet of octets) {
    // Decimal only, no leading zeros: "017" is octal to some parsers, so it is refused rather than guessed.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(octet)) return null;
    const byte = Number(octet);
    if (byte > 255) return null;
    value = value * 256 + byte;
  }
  return value;
}

/** A dual-stack server reports IPv4 peers as "::ffff:17.58.1.2": that is still an IPv4 address. */
function stripMappedPrefix(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
