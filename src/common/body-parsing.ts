import type { NextFunction, Request, Response, Express } from 'express';
import express from 'express';
import { problem, sendProblem } from './problem';

export const BODY_LIMIT = '1mb';

/** JSON bodies up to 1 MB; unparsable → 400, too large → 413, as problem details. */
export function installBodyParsing(app: Express): void {
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      return sendProblem(res, problem(413, 'payload-too-large', 'Payload too large', 'Le corps de la requête dépasse 1 Mo.'));
    }
    if (error?.type === 'entity.parse.failed') {
      return sendProblem(res, problem(400, 'malformed-json', 'Bad request', 'Le corps de la requête n’est pas un JSON valide.'));
    }
    if (error?.status && error.status >= 400 && error.status < 500) {
      return sendProblem(res, problem(error.status, 'bad-request', 'Bad request', 'Requête invalide.'));
    }
    next(error);
  });
}
