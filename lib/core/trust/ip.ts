/**
 * Just enough IPv4 to test an address against a CIDR block. Parsed into a number rather than compared as text:
 * "17." as a prefix would wrongly take in 170.1.1.1 and 171.x.
 */

/** A dotted quad as an unsigned 32-bit number; null for anything else (IPv6, junk, octets over 255). */
export function parseIpv4(text: string): number | null {
  const address = stripMappedPrefix(text.trim());
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

/** "17.0.0.0/8" as its base address and prefix length; null when malformed. */
export function parseCidr(text: string): { base: number; prefixLength: number } | null {
  const [address, length, extra] = text.trim().split('/');
  if (address === undefined || length === undefined || extra !== undefined || !/^[0-9]{1,2}$/.test(length)) return null;
  const base = parseIpv4(address);
  const prefixLength = Number(length);
  if (base === null || prefixLength > 32) return null;
  return { base, prefixLength };
}

/** Whether the address lies in the block. Anything that is not IPv4 (IPv6 included) is simply not in it. */
export function isIpv4InCidr(ip: string, cidr: string): boolean {
  const address = parseIpv4(ip);
  const block = parseCidr(cidr);
  if (address === null || block === null) return false;
  // Dividing by the host part's size keeps the network bits; plain arithmetic avoids JS's signed 32-bit shifts.
  const hostSize = 2 ** (32 - block.prefixLength);
  return Math.floor(address / hostSize) === Math.floor(block.base / hostSize);
}

/** A dual-stack server reports IPv4 peers as "::ffff:17.58.1.2": that is still an IPv4 address. */
function stripMappedPrefix(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
