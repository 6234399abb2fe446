import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** A strong validator: the hash of the exact bytes sent. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends `body` with a strong ETag, or 304 without a body when the client already holds it.
 * `no-cache` lets caches keep it but revalidate every time, so a moved session shows at once.
 */
export function sendCacheable(
  req: Request,
  res: Response,
  rendered: { body: string | Buffer; etag: string },
  contentType: string,
  isPublic: boolean,
  extraHeaders: Record<string, string> = {},
): void {
  const { body, etag } = rendered;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', isPublic ? 'public, no-cache' : 'private, no-cache');
  res.setHeader('Vary', 'Authorization');
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.status(200).type(contentType).send(body);
}
