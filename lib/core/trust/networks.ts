import { NETWORK_DATA, type NetworkData } from './automated-traffic.data';
import { compileRangeTable } from './ip';

export type KnownNetwork = Pick<NetworkData, 'name' | 'kind' | 'source'>;

/** Every published block, compiled once when the module loads (a few hundred entries: a binary search each lookup). */
const TABLE = compileRangeTable(
  NETWORK_DATA.flatMap(({ cidrs, ...network }) => cidrs.map((cidr) => ({ cidr, value: network as KnownNetwork }))),
);

/** The published network the address belongs to, IPv4 or IPv6; null for any other address, or none. */
export function identifyNetwork(ip: string | null): KnownNetwork | null {
  return TABLE.lookup(ip);
}

/** How many blocks the table holds (for the data's test). */
export const KNOWN_NETWORK_BLOCKS = TABLE.size;
