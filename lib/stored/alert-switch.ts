import { z } from 'zod';
import { defineStoredItem, type StoredItem, type StoredItemSpec } from './item';

/** Whether this computer shows Leadside's alerts as notifications (the options page's "Alerts on this computer"). */
export interface AlertSwitch {
  on: boolean;
}

/**
 * `local:alerts`: per browser, not per person (sync storage would follow the rep to a computer where the
 * `notifications` permission was never granted). Off until the rep turns it on, which is when the permission is asked.
 *
 * v1: `{ on }`.
 */
export const ALERT_SWITCH: StoredItemSpec<AlertSwitch> = {
  key: 'local:alerts',
  schema: z.strictObject({ on: z.boolean({ message: 'on must be true or false' }) }),
  fallback: { on: false },
  upgrades: [],
};

let item: StoredItem<AlertSwitch> | undefined;
export function alertSwitch(): StoredItem<AlertSwitch> {
  return (item ??= defineStoredItem(ALERT_SWITCH));
}
