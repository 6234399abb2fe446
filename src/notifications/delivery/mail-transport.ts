import { Logger } from '@nestjs/common';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingEnvelope {
  /** Stable, derived from the outbox row: a rare resend after a crash is the same message. */
  messageId: string;
  from: string;
  replyTo: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer | string }>;
}

export type TransportState = 'up' | 'down';

/** Where messages go: an SMTP server, or .eml files. Knows its last state without connecting. */
export interface MailTransport {
  /** Resolves with the server's answer (queue id), rejects when the message was not accepted. */
  send(envelope: OutgoingEnvelope): Promise<string>;
  state(): TransportState;
  close(): Promise<void>;
}

/** CR, LF and other controls never reach a header. */
export function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** File names written into a header as they are (ours are plain: badge.pdf, agenda.ics…). */
const PLAIN_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * An attachment as a finished MIME part: base64 in one native call, cut into lines of 76.
 * nodemailer's own encoder is a JavaScript stream that took a tenth of the event loop's time per
 * message with two PDFs; a name that is not plain is left to nodemailer, which encodes it.
 */
export function encodedAttachment(a: OutgoingEnvelope['attachments'][number]): { raw: string } | OutgoingEnvelope['attachments'][number] {
  if (!PLAIN_NAME.test(a.filename) || /[\r\n"]/.test(a.contentType)) return a;
  const base64 = (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76));
  return {
    raw:
      `Content-Type: ${a.contentType}; name=${a.filename}\r\n` +
      `Content-Transfer-Encoding: base64\r\n` +
      `Content-Disposition: attachment; filename=${a.filename}\r\n\r\n` +
      `${lines.join('\r\n')}\r\n`,
  };
}

function mailOptions(e: OutgoingEnvelope) {
  return {
    messageId: e.messageId,
    from: e.from,
    replyTo: e.replyTo,
    to: { name: oneLine(e.to.name), address: e.to.address },
    subject: oneLine(e.subject),
    html: e.html,
    text: e.text,
    attachments: e.attachments.map(encodedAttachment),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'fr' },
  };
}

/** SMTP options for one pooled connection, from `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections: 1,
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A stuck server must not hold a claimed batch for long (the lease is longer than this).
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export class SmtpTransport implements MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private last: TransportState = 'up';

  constructor(smtpUrl: string) {
    this.transporter = nodemailer.createTransport(smtpOptions(smtpUrl));
    // One check at start; afterwards each delivery tells.
    this.transporter.verify().then(
      () => (this.last = 'up'),
      (error: Error) => {
        this.last = 'down';
        this.logger.warn(`SMTP server not reachable at start: ${error.message}`);
      },
    );
  }

  async send(envelope: OutgoingEnvelope): Promise<string> {
    try {
      const info = await this.transporter.sendMail(mailOptions(envelope));
      this.last = 'up';
      return String(info.response ?? info.messageId);
    } catch (error) {
      // A refused message (a 5xx for one recipient) says nothing about the server being down.
      const code = (error as { responseCode?: number }).responseCode;
      if (code === undefined || code === 421) this.last = 'down';
      throw error;
    }
  }

  state(): TransportState {
    return this.last;
  }

  close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}

/** Development: one .eml file per message under `dir`, readable by any mail client. */
export class FileTransport implements MailTransport {
  private readonly transporter: Transporter;
  private last: TransportState = 'up';

  constructor(private readonly dir: string) {
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      this.last = 'down';
    }
  }

  async send(envelope: OutgoingEnvelope): Promise<string> {
    try {
      const info = await this.transporter.sendMail(mailOptions(envelope));
      const id = envelope.messageId.replace(/[<>]/g, '').split('@')[0];
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
      // Written whole or not at all: a mail client never opens half a message.
      const partial = join(this.dir, `.${name}.partial`);
      writeFileSync(partial, info.message as Buffer);
      renameSync(partial, join(this.dir, name));
      this.last = 'up';
      return name;
    } catch (error) {
      this.last = 'down';
      throw error;
    }
  }

  state(): TransportState {
    return this.last;
  }

  close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}

/** The Nest token of the transport in use (SMTP when SMTP_URL is set, else files). */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
