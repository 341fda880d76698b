export { summarizeIntelligence } from './summarize';
export type { SummarizeOptions } from './summarize';
export { normalizePageUrl, isTrackingParam } from './normalize-url';
