/**
 * For every stored item, what each shipped version left in storage and what the current code reads from it. Add the
 * new version's fixture with its upgrade; never edit a shipped one (lib/stored/item.ts).
 */
export const STORED_FIXTURES: Record<string, Record<number, { stored: unknown; reads: unknown }>> = {
  'local:mailtoSites': {
    // v1 (the first release): origins the rep turned the reader on for.
    1: { stored: ['https://www.example.com', 'http://localhost:3000'], reads: ['https://www.example.com', 'http://localhost:3000'] },
  },
  'local:shortcuts': {
    // v1: whether single keys act (the Alt+Shift chords always do).
    1: { stored: { singleKeys: false }, reads: { singleKeys: false } },
  },
  'local:alerts': {
    // v1: whether this computer shows alerts as notifications.
    1: { stored: { on: true }, reads: { on: true } },
  },
};
