import { unauthorized } from '../common/domain-error';
import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The manage token of a registration: HMAC-SHA256 of the server's TOKEN_SECRET and the
 * registration id with a version (bumped to revoke), URL-safe. It can be derived again whenever
 * a message needs the link, so no table ever holds it; only its hash is stored, for look-up.
 */
export function deriveManageToken(secret: string, registrationId: string, version: number): string {
  return createHmac('sha256', secret).update(`manage-token:v1:${registrationId}:${version}`, 'utf8').digest('base64url');
}

/** SHA-256 hex: the token has enough entropy that a slow hash adds nothing. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The hash to look a presented token up by, or null when it cannot be one (missing, or far too
 * long: real tokens are 43 characters). Callers answer both "null" and "not found" with
 * `invalidManageLink()`, so the answer tells nothing about other registrations.
 */
export function lookupHashOf(token: string | undefined): string | null {
  return token && token.length <= 200 ? hashManageToken(token) : null;
}

export const invalidManageLink = () => unauthorized('Lien de gestion invalide ou expiré.');

// No 0/O, 1/I/L: the code is read aloud or typed when a badge's QR code will not scan.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The opaque code printed on the badge (and in its QR code): 12 characters, ~59 bits. */
export function generateCheckInCode(): string {
  let code = '';
  while (code.length < 12) {
    // One draw of random bytes; bytes beyond the largest multiple of the alphabet's size are
    // skipped so that every character stays equally likely.
    for (const byte of randomBytes(16)) {
      if (byte < 248 && code.length < 12) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}
