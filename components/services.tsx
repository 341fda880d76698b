import { createContext, useContext, type ReactNode } from 'react';
import type { LeadsideDatabase } from '../lib/db/database';
import type { Platform } from '../lib/platform';

/** What views reach through hooks: the cache, the browser adapter, the clock. Entrypoints provide the real ones. */
export interface Services {
  db: LeadsideDatabase;
  platform: Platform;
  now: () => Date;
  fetch?: typeof fetch;
  /** Fresh ids for local writes; crypto.randomUUID when not given (tests pass a counter). */
  newId?: () => string;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it');
  return services;
}
