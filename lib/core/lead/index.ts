export { leadPicture } from './picture';
export { groupByContact } from './by-contact';
export { leadCadence } from './cadence';
