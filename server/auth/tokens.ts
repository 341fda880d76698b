import { createHash, randomBytes } from 'node:crypto';

/** A new API token: 256 random bits, prefixed so a leaked one is easy to recognise and revoke. */
export function generateToken(): string {
  return `lsk_${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored: a database leak does not leak working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A random id for server-made rows. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
