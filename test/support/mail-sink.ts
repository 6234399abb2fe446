import { simpleParser, ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  /** Every message accepted, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Answer every next delivery with this SMTP error until cleared (e.g. 451 or 550), or accept (null). */
  failWith(code: number | null, message?: string): void;
  /** Resolves once `count` messages matching `where` have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, where?: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Messages to one address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export const recipientOf = (m: ParsedMail): string => {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to?.value[0]?.address ?? '';
};

/** A real SMTP server in-process (smtp-server) whose messages are parsed back (mailparser). */
export async function startMailSink(options: { ackDelayMs?: number } = {}): Promise<MailSink> {
  const messages: ParsedMail[] = [];
  let failure: { code: number; message: string } | null = null;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (failure) {
        stream.resume();
        const error = Object.assign(new Error(failure.message), { responseCode: failure.code });
        stream.on('end', () => callback(error));
        return;
      }
      simpleParser(stream).then(
        async (parsed) => {
          // A message counts as received when the server says so (the sender then marks it sent).
          if (options.ackDelayMs) await new Promise((resolve) => setTimeout(resolve, options.ackDelayMs));
          messages.push(parsed);
          for (const wake of waiters) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failWith(code, message = 'Service temporairement indisponible') {
      failure = code === null ? null : { code, message };
    },
    to: (address) => messages.filter((m) => recipientOf(m) === address),
    waitFor(count, where = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.filter(where);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.filter(where).length} (of ${messages.length}) in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
