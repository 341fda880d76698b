export { assistingCustomers, countAssists } from './assists';
export type { WonCustomer } from './assists';
export { attributeSources } from './attribution';
export type { Attribution, AttributionContact, AttributionInput } from './attribution';
export { consumptionsOf, itemsReadBy, libraryIndex } from './consumption';
export type { Consumption, LibraryIndex, ReadingActivity } from './consumption';
export { contentPerformance } from './content-performance';
export type { ContentAudience, ContentPerformanceInput, LibraryItem } from './content-performance';
