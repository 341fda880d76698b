export { leadPicture } from './picture';
