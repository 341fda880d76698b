import { useEffect, useState } from 'react';
import { mailtoSites } from '../../lib/stored';

/** The sites the rep turned the `mailto:` reader on for (`local:mailtoSites`), kept current; undefined until read. */
export function useMailtoSites(): string[] | undefined {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const item = mailtoSites();
    void item.get().then((value) => live && setSites(value));
    const unwatch = item.watch((value) => live && setSites(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return sites;
}
