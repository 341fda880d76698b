// The server computes a contact's picture with the very function the extension runs on its cache.
export { leadPicture as buildLookupEntry } from '../../lib/core/lead/picture';
