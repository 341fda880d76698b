import type { SlaReport } from '../../../lib/core/model/reports';
import { MarketingSection } from './MarketingSection';
import { RepsTable } from './RepsTable';
import { SalesSection } from './SalesSection';
import { WeeklyTrends } from './WeeklyTrends';

/** The SLA report's sections, as the SLA page and the shared screen both show them. */
export function SlaSections({ report }: { report: SlaReport }) {
  return (
    <>
      <div className="two-columns">
        <MarketingSection report={report} />
        <SalesSection report={report} />
      </div>
      <WeeklyTrends report={report} />
      <RepsTable report={report} />
    </>
  );
}
