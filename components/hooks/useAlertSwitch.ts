import { useEffect, useState } from 'react';
import { alertSwitch, type AlertSwitch } from '../../lib/stored';

/** This computer's alerts switch (lib/stored/alert-switch.ts), live: undefined until storage answers. */
export function useAlertSwitch(): AlertSwitch | undefined {
  const [value, setValue] = useState<AlertSwitch | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const item = alertSwitch();
    const unwatch = item.watch((v) => live && setValue(v));
    void item.get().then((v) => live && setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return value;
}
