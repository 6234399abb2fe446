import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger, LevelWithSilent } from 'pino';

/** An incoming `X-Request-Id` is kept only when it is a plain token: it goes into every log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Addresses that reach a log line inside a message (an SMTP server's answer names the recipient). */
const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[A-Za-z]{2,}/g;

export interface LoggingOptions {
  level: LevelWithSilent;
  /** Human-readable lines (pino-pretty) instead of JSON: development on a terminal only. */
  pretty: boolean;
  /** Where lines go (tests capture them); stdout when absent. */
  destination?: DestinationStream;
}

function prettyStream(): DestinationStream | undefined {
  try {
    // A development dependency: absent from a production install, where lines stay JSON.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/**
 * The one logger of the process: JSON lines on stdout. Nothing personal goes in: request lines
 * carry the route pattern, never the URL (a path or a query may hold a manage token), no header
 * and no body; an email address inside a message is masked.
 */
export function createRootLogger(options: LoggingOptions): Logger {
  const destination = options.destination ?? (options.pretty ? prettyStream() : undefined) ?? pino.destination({ sync: false });
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-registration-token"]', 'req.url', 'req.query'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? arg.replace(EMAIL_IN_TEXT, '[email]') : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** Parameters for `createRootLogger` from the configuration: pretty only in development on a terminal. */
export function loggingOptions(config: { nodeEnv: string; logLevel: LevelWithSilent }): LoggingOptions {
  return { level: config.logLevel, pretty: config.nodeEnv === 'development' && process.stdout.isTTY === true };
}

/** The incoming request id when it is a sane token, else a new one. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The route pattern Express matched (`/api/events/:id`), never the path itself. */
export function routeOf(req: IncomingMessage): string {
  const r = req as IncomingMessage & { baseUrl?: string; route?: { path?: string | RegExp } };
  const path = r.route?.path;
  return path ? `${r.baseUrl ?? ''}${String(path)}` : 'unmatched';
}

/**
 * Express middleware: one line per request when its answer is finished or the client went away
 * (method, route pattern, status, duration in ms, request id), and `X-Request-Id` on every answer.
 * Written by hand rather than with pino-http and an AsyncLocalStorage: those cost a child logger per
 * request and an async hook on every promise of the process, a tenth of a registration's CPU.
 */
export function requestLogging(root: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const done = (): void => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const line = { requestId, method: req.method, route: routeOf(req), status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
      // A client gone before its answer was sent is its own doing: a warning, not an error.
      if (res.statusCode >= 500) root.error(line, 'request');
      else if (!res.writableFinished) root.warn({ ...line, aborted: true }, 'request');
      else root.info(line, 'request');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

/** The request id `requestLogging` gave this answer (for a line written while serving it). */
export function requestIdOfAnswer(res: ServerResponse): string | undefined {
  const id = res.getHeader('X-Request-Id');
  return typeof id === 'string' ? id : undefined;
}

/** Nest's own start-up lines (modules loaded, each route mapped): noise in production logs. */
const NEST_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's `Logger` calls, written by pino (with the request id when inside a request). */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    // A line about a request names it: `{ requestId }` as the last argument before the context.
    const request = rest.find((r): r is { requestId: string } => typeof r === 'object' && r !== null && 'requestId' in r);
    rest = rest.filter((r) => r !== request);
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (level === 'info' && context !== undefined && NEST_CHATTER.has(context)) return;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const text = message instanceof Error ? `${message.name}: ${message.message}` : typeof message === 'string' ? message : JSON.stringify(message);
    this.root[level]({ ...(request ? { requestId: request.requestId } : {}), ...(context ? { context } : {}), ...(stack ? { stack } : {}) }, text);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
}
