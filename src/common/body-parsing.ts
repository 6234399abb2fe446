import type { NextFunction, Request, Response, Express } from 'express';
import express from 'express';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { problem, sendProblem } from './problem';

export const BODY_LIMIT = '1mb';

const TOO_DEEP = 'entity.too.deep';

/**
 * JSON bodies up to 1 MB and MAX_JSON_DEPTH levels; unparsable → 400, too large → 413, too deep
 * → 422, as problem details.
 */
export function installBodyParsing(app: Express): void {
  app.use(
    express.json({
      limit: BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
      verify: (_req, _res, buffer) => {
        if (jsonDepthExceeds(buffer)) throw Object.assign(new Error('JSON nested too deeply'), { type: TOO_DEEP });
      },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      return sendProblem(res, problem(413, 'payload-too-large', 'Payload too large', 'Le corps de la requête dépasse 1 Mo.'));
    }
    if (error?.type === TOO_DEEP) {
      return sendProblem(res, problem(422, 'too-deep', 'Unprocessable request', `Le corps de la requête imbrique plus de ${MAX_JSON_DEPTH} niveaux.`));
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
