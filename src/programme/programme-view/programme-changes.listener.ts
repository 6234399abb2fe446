import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EventHooks } from '../../events/event-hooks';
import { ProgrammeMemory } from './programme-memory';

const CHANNEL = 'programme_changed';
const RETRY_MS = 1_000;

/**
 * Keeps one connection LISTENing to `programme_changed` (sent by the triggers of the
 * baseline migration) and hands each notification to ProgrammeMemory. While it is not connected, the
 * memory keeps nothing and every programme read goes to the database.
 */
@Injectable()
export class ProgrammeChangesListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ProgrammeChanges');
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memory: ProgrammeMemory,
    eventHooks: EventHooks,
  ) {
    // This instance's own event edits: its next read must show them, notification or not yet.
    eventHooks.register({
      onEventUpdated: (event) => Promise.resolve(memory.writing(event.id)),
      onEventCancelled: (event) => Promise.resolve(memory.writing(event.id)),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.memory.setListening(false);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'rencontres-listener' });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.memory.changed(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.memory.setListening(true);
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== null && this.client !== client) return; // an older connection's last words
    this.client = null;
    this.memory.setListening(false);
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (error) this.logger.warn(`Listening for programme changes failed (${error.message}); the programme is read from the database until it is back`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RETRY_MS);
    this.retry.unref();
  }
}
