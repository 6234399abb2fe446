import { requestIdOfAnswer } from '../observability/logging';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { problem, sendProblem } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** PostgreSQL errors that mean "your request conflicts with stored data", not "we broke". */
function fromDatabase(error: Error): DomainError | null {
  const code = (error as unknown as { code?: string }).code;
  if (code === '23505') return new DomainError(409, 'duplicate', 'Conflict', 'Cette ressource existe déjà.');
  if (code === '23P01') return new DomainError(409, 'overlap', 'Conflict', 'Ce créneau chevauche un autre.');
  if (code === '23503') return new DomainError(409, 'in-use', 'Conflict', 'Cette ressource est référencée ailleurs.');
  if (code === '23514') return new DomainError(409, 'constraint', 'Conflict', 'Cette modification enfreint une règle de capacité ou de cohérence.');
  if (code === '55P03' || code === '40001' || code === '40P01') {
    return new DomainError(503, 'busy', 'Service busy', 'Le service est très sollicité, réessayez dans un instant.', undefined, { 'Retry-After': '1' });
  }
  // Class 22, data exceptions: a value the request carried that PostgreSQL cannot hold (out of
  // range, bad encoding, impossible date...). Validation should have caught it; the client is
  // still the one to fix it.
  if (code?.startsWith('22')) {
    return new DomainError(422, 'invalid-value', 'Unprocessable request', 'Une valeur a un format invalide ou hors limites.');
  }
  return null;
}

/** Every error leaves as RFC 9457 problem details; nothing internal leaks into a response. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const domain = exception instanceof QueryFailedError ? fromDatabase(exception) : exception instanceof DomainError ? exception : null;
    if (domain) {
      sendProblem(res, problem(domain.status, domain.code, domain.title, domain.detail, domain.errors), domain.headers);
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? String(response.message) : exception.message;
      const code = status === 404 ? 'not-found' : (TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '-');
      sendProblem(res, problem(status, code, TITLES[status] ?? 'Error', message));
      return;
    }
    // Log the name and message only: request bodies may hold personal data.
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`${error.name}: ${error.message}`, error.stack, { requestId: requestIdOfAnswer(res) });
    sendProblem(res, problem(500, 'internal', 'Internal error', 'Une erreur inattendue est survenue.'));
  }
}
