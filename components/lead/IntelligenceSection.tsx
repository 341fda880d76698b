import { memo, useId, type ReactNode } from 'react';
import type { Activity } from '../../lib/core/model/activity';
import type { IntelligenceSummary } from '../../lib/core/model/derived';
import { shortUrl } from '../../lib/view-model/format';
import { formatCount } from '../../lib/view-model/labels';
import { machineReasons } from '../../lib/view-model/timeline';
import { Ago } from '../common/Ago';

export interface IntelligenceSectionProps {
  summary: IntelligenceSummary;
  /** The contact's activities when cached, for the reasons machine opens and clicks were not counted. */
  activities: readonly Activity[] | null;
  /** Said in place of the opens figure when this contact's opens are not recorded per person (lib/view-model/open-figures). */
  opensNote: string | null;
}

/** What the person did: pages, downloads, emails opened and links clicked (machines apart, faded), last seen. */
export const IntelligenceSection = memo(function IntelligenceSection({ summary, activities, opensNote }: IntelligenceSectionProps) {
  const headingId = useId();
  return (
    <section className="section intel" aria-labelledby={headingId}>
      <h3 id={headingId}>Engagement</h3>
      <dl className="stats">
        <Stat term="Page views">
          {formatCount(summary.pagesViewed)} <span className="muted">({formatCount(summary.distinctPages)} distinct)</span>
        </Stat>
        <Stat term="Downloads">{formatCount(summary.contentDownloaded.length)}</Stat>
        <Stat term="Emails opened">
          {opensNote !== null ? (
            <span className="muted">{opensNote}</span>
          ) : (
            <>
              {formatCount(summary.emailsOpened)}
              <Machine count={summary.machineOpens} what="open" reasons={activities ? machineReasons(activities, 'email_open') : []} />
            </>
          )}
        </Stat>
        <Stat term="Links clicked">
          {formatCount(summary.linksClicked)}
          <Machine count={summary.machineClicks} what="click" reasons={activities ? machineReasons(activities, 'email_click') : []} />
        </Stat>
        <Stat term="Last seen">{summary.lastSeenAt ? <Ago at={summary.lastSeenAt} /> : 'Never'}</Stat>
      </dl>
      {summary.topPages.length > 0 && (
        <>
          <h4>Top pages</h4>
          <ol className="plain-list">
            {summary.topPages.map((p) => (
              <li key={p.url} className="row-between">
                <span className="ellipsis" title={p.url}>
                  {p.title ?? shortUrl(p.url)}
                </span>
                <span className="muted">{p.views === 1 ? '1 view' : `${p.views} views`}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {summary.contentDownloaded.length > 0 && (
        <>
          <h4>Downloaded</h4>
          <ul className="plain-list">
            {summary.contentDownloaded.map((d, i) => (
              <li key={`${d.contentId ?? d.url ?? ''}:${d.at}:${i}`} className="row-between">
                <span className="ellipsis">{d.title ?? (d.url ? shortUrl(d.url) : 'A file')}</span>
                <span className="muted">
                  <Ago at={d.at} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});

function Stat({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="stats__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Machine opens or clicks: counted apart, faded, with why on hover (and for screen readers, in words). */
function Machine({ count, what, reasons }: { count: number; what: 'open' | 'click'; reasons: string[] }) {
  if (count === 0) return null;
  const why = reasons.length > 0 ? reasons.join('; ') : 'made by software, not a person';
  return (
    <span className="machine" title={`Not counted: ${why}`}>
      {' '}
      +{formatCount(count)} machine {count === 1 ? what : `${what}s`}
      <span className="sr-only">, not counted: {why}</span>
    </span>
  );
}
