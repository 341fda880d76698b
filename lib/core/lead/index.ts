export { leadPicture } from './picture';
export { groupByContact } from './by-contact';
