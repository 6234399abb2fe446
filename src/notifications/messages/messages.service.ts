import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { conflict, notFound, unprocessable } from '../../common/domain-error';
import { Page } from '../../common/pagination';
import { toZonedIso } from '../../common/time';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { broadcastPreviewView } from '../delivery/mail-view.builder';
import { MailTemplates } from '../mail/mail-templates';
import type { RenderedMail } from '../mail/mail-view';
import { manageLinkOf } from '../manage-links';
import { OutboxService } from '../outbox.service';
import { BroadcastDto, MessageDto, MessageQueryDto, QueuedDto } from './dto/message.dto';
import { MessageRow, MessagesRepository } from './messages.repository';

const messageNotFound = () => notFound('Message', 'Message introuvable.');

function toMessageDto(m: MessageRow, event: Event): MessageDto {
  const iso = (d: Date) => toZonedIso(new Date(d), event.timezone);
  return { ...m, sentAt: m.sentAt ? iso(m.sentAt) : null, nextAttemptAt: iso(m.nextAttemptAt), createdAt: iso(m.createdAt) };
}

/** Organisers follow what was said to registrants, retry what died, and write to them. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly events: EventsRepository,
    private readonly messages: MessagesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A broadcast as its recipients will read it, before anything is stored or queued. */
  preview(event: Event, input: BroadcastDto): RenderedMail {
    const links = { manageUrl: manageLinkOf(this.config, 'votre-lien-personnel').url, contactEmail: this.config.contactEmail };
    return this.templates.render(broadcastPreviewView(event, input, links));
  }

  async list(eventId: string, query: MessageQueryDto): Promise<Page<MessageDto>> {
    const event = await this.requireEvent(eventId);
    const page = await this.messages.list(eventId, query, query.limit, query.offset);
    return { items: page.items.map((m) => toMessageDto(m, event)), total: page.total };
  }

  async retry(eventId: string, messageId: string): Promise<MessageDto> {
    const event = await this.requireEvent(eventId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.messages.revive(eventId, messageId, this.clock.now(), manager))) {
        const found = await this.messages.find(eventId, messageId, manager);
        if (!found) throw messageNotFound();
        throw conflict('message-not-dead', `Seul un message en échec définitif (dead) peut être relancé ; celui-ci est « ${found.status} ».`);
      }
      await this.outbox.wakeWorkers(manager);
      return toMessageDto((await this.messages.find(eventId, messageId, manager))!, event);
    });
  }

  /** One broadcast, stored once; one outbox row per person of the audience, in one transaction. */
  async broadcast(eventId: string, input: BroadcastDto): Promise<QueuedDto> {
    await this.requireEvent(eventId);
    const sessionId = input.audience === 'session' ? input.sessionId! : null;
    return this.dataSource.transaction(async (manager) => {
      if (sessionId && !(await this.messages.sessionInEvent(eventId, sessionId, manager))) {
        throw unprocessable('validation', 'Cette session n’appartient pas à cet événement.', [{ field: 'sessionId', message: 'is not a session of this event' }]);
      }
      const now = this.clock.now();
      const broadcastId = await this.messages.insertBroadcast(eventId, { subject: input.subject, body: input.body, audience: input.audience, sessionId }, now, manager);
      const people = await this.messages.audience(eventId, input.audience, sessionId, manager);
      const queued = await this.outbox.enqueueMany(
        manager,
        people.map((registrationId) => ({ eventId, registrationId, reason: `broadcast:${broadcastId}` })),
      );
      return { queued, broadcastId };
    });
  }

  /** How many people a broadcast to this audience would reach now: the same audience query as the sending. */
  async audienceSize(eventId: string, audience: BroadcastDto['audience'], sessionId: string | null): Promise<number> {
    await this.requireEvent(eventId);
    if (sessionId && !(await this.messages.sessionInEvent(eventId, sessionId, this.dataSource.manager))) {
      throw unprocessable('validation', 'Cette session n’appartient pas à cet événement.', [{ field: 'sessionId', message: 'is not a session of this event' }]);
    }
    return (await this.messages.audience(eventId, audience, sessionId, this.dataSource.manager)).length;
  }

  private async requireEvent(id: string): Promise<Event> {
    const event = await this.events.findById(id);
    if (!event) throw notFound('Event', 'Événement introuvable.');
    return event;
  }
}
