import { formatAgo, formatFullMoment } from '../../lib/view-model/format';
import { useNow } from '../hooks/useNow';

/** "12 min ago", kept current on its own (every 30 s) so nothing around it re-renders; the full time in its title. */
export function Ago({ at }: { at: string }) {
  const now = useNow(30_000);
  const date = new Date(at);
  return (
    <time dateTime={at} title={formatFullMoment(date)}>
      {formatAgo(date, now)}
    </time>
  );
}
