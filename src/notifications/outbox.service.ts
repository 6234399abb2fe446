import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { OutboxMessage, OutboxRepository } from './outbox.repository';

export type { OutboxMessage } from './outbox.repository';

/**
 * Writes what must be said to people into the outbox, in the caller's transaction, so a message
 * exists if and only if the change that causes it was committed. Delivery is the worker's job.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, message: OutboxMessage): Promise<boolean> {
    return (await this.outbox.insertMany([message], this.clock.now(), manager)) === 1;
  }

  async enqueueMany(manager: EntityManager, messages: OutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    return this.outbox.insertMany(messages, this.clock.now(), manager);
  }

  messagesFor(registrationId: string, manager: EntityManager) {
    return this.outbox.findForRegistration(registrationId, manager);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A plain-text message as minimal HTML: paragraphs, line breaks, links kept clickable. */
export function textToHtml(text: string): string {
  const escape = escapeHtml;
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => escape(p).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>'));
  return `<!doctype html><html lang="fr"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
}
