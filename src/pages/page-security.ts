import type { Response } from 'express';

/**
 * The pages' content security policy: scripts, styles and fonts from this origin only, no inline
 * script or style, forms posting back here, never framed. The DSFR's CSS uses data: images.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export interface PageHeaderOptions {
  /** Personal pages (the manage page): never stored, never leaking their URL (which holds the token). */
  personal?: boolean;
}

export function setPageHeaders(res: Response, options: PageHeaderOptions = {}): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  if (options.personal) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
  } else {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'same-origin');
  }
}
