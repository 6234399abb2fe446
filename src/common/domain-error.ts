export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error the caller can act on. `code` is stable (it ends the problem `type` URI);
 * `detail` is a sentence for people, in French when an end user may read it.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string, detail = `${what} introuvable.`) =>
  new DomainError(404, `${what.toLowerCase().replace(/\s+/g, '-')}-not-found`, `${what} not found`, detail);

export const conflict = (code: string, detail: string, errors?: FieldError[]) => new DomainError(409, code, 'Conflict', detail, errors);

export const unprocessable = (code: string, detail: string, errors?: FieldError[]) => new DomainError(422, code, 'Unprocessable request', detail, errors);

export const unauthorized = (detail = 'Identifiants manquants ou invalides.') => new DomainError(401, 'unauthorized', 'Unauthorized', detail);

export const tooManyRequests = (retryAfterSeconds: number, detail = 'Trop de requêtes, réessayez plus tard.') =>
  new DomainError(429, 'rate-limited', 'Too many requests', detail, undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
