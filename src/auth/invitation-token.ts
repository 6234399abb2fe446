import { createHash, createHmac } from 'node:crypto';

/** An invitation's link token: derived whenever needed (delivery), never stored. */
export function deriveInvitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`organiser-invitation:v1:${invitationId}`, 'utf8').digest('base64url');
}

/** What the table keeps of the token, to find the invitation a link opens. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The page where the invited organiser chooses their password. */
export function invitationPath(token: string): string {
  return `/gestion/mot-de-passe/${encodeURIComponent(token)}`;
}

/** A link is valid this long after the invitation. */
export const INVITATION_LIFETIME_MS = 48 * 3600 * 1000;
