import { OTHER_REASON } from '../model/outcomes';
import type { LeadQuality, MarketingFigures, SlaReport, WeekFigures } from '../model/reports';
import type { RankedReason } from './reasons';

// The SLA report as a shared screen shows it (no sign-in, on a team screen): nothing personal beyond names and counts.
// The report carries no emails and no lead lists already; what people typed as a reason may name anyone, so reasons
// keep their list code and count, and every reason given in words only is counted together as `other`.

/** Reasons with their words left out: listed codes as they rank, free-text groups summed into one `other` at its rank. */
export function reasonsWithoutWords(reasons: readonly RankedReason[]): RankedReason[] {
  const listed = reasons.filter((r) => r.code !== null).map((r) => ({ code: r.code, text: null, count: r.count }));
  const inWords = reasons.filter((r) => r.code === null).reduce((sum, r) => sum + r.count, 0);
  if (inWords === 0) return listed;
  const other = { code: OTHER_REASON, text: null, count: inWords };
  // Stable: `other` goes before the first listed reason it outnumbers, so the ranking stays most given first.
  const at = listed.findIndex((r) => r.count < inWords);
  return at === -1 ? [...listed, other] : [...listed.slice(0, at), other, ...listed.slice(at)];
}

const quality = (q: LeadQuality): LeadQuality => ({
  ...q,
  reasons: { recycled: reasonsWithoutWords(q.reasons.recycled), disqualified: reasonsWithoutWords(q.reasons.disqualified) },
});
const marketing = <M extends MarketingFigures>(m: M): M => ({ ...m, quality: quality(m.quality) });
const week = (w: WeekFigures): WeekFigures => ({ ...w, marketing: marketing(w.marketing) });

export function sharedSlaReport(report: SlaReport): SlaReport {
  return {
    ...report,
    marketing: {
      ...marketing(report.marketing),
      bySource: report.marketing.bySource.map((s) => ({ ...s, quality: quality(s.quality) })),
      byLeadType: report.marketing.byLeadType.map((s) => ({ ...s, quality: quality(s.quality) })),
    },
    reps: report.reps.map((r) => ({ ...r, marketing: marketing(r.marketing), weekly: r.weekly.map(week) })),
    weekly: report.weekly.map(week),
  };
}
