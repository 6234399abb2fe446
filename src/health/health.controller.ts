import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Backlog, OutboxBacklog } from '../notifications/delivery/outbox-backlog';
import { MAIL_TRANSPORT, MailTransport } from '../notifications/delivery/mail-transport';

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'database', 'mail', 'outbox'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    database: { type: 'string', enum: ['up', 'down'] },
    mail: { type: 'string', enum: ['up', 'down'] },
    outbox: {
      type: 'object',
      nullable: true,
      description: 'Messages waiting to go, and how long the longest-waiting due one has waited (null: none due); null when the database is down.',
      required: ['depth', 'oldestPendingAgeSeconds'],
      properties: { depth: { type: 'integer', minimum: 0 }, oldestPendingAgeSeconds: { type: 'integer', minimum: 0, nullable: true } },
    },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly backlog: OutboxBacklog,
  ) {}

  /**
   * `mail` is the transport's last known state: no SMTP connection is opened per call. `outbox`
   * is read at most once a second, so a stuck worker shows without costing a query per probe.
   */
  @Get()
  @ApiOkResponse({ schema: { ...HEALTH_SCHEMA, example: { status: 'ok', database: 'up', mail: 'up', outbox: { depth: 0, oldestPendingAgeSeconds: null } } } })
  @ApiServiceUnavailableResponse({ schema: { ...HEALTH_SCHEMA, example: { status: 'error', database: 'down', mail: 'up', outbox: null } } })
  async check(@Res() res: Response): Promise<void> {
    const outbox = await this.outbox();
    const database = outbox ? 'up' : await this.database();
    const up = database === 'up';
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'error', database, mail: this.transport.state(), outbox });
  }

  private async outbox(): Promise<Backlog | null> {
    try {
      return await this.backlog.current();
    } catch {
      return null;
    }
  }

  private async database(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
