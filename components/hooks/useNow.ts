import { useEffect, useState } from 'react';
import { useServices } from '../services';

/** The services' clock, read again every `intervalMs`: only the component using it re-renders. */
export function useNow(intervalMs: number): Date {
  const { now } = useServices();
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return value;
}
