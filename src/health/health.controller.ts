import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Backlog, OutboxBacklog } from '../notifications/delivery/outbox-backlog';
import { MAIL_TRANSPORT, MailTransport } from '../notifications/delivery/mail-transport';
import { HealthDto } from './health.dto';

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
  @ApiOperation({ summary: 'Whether this instance can serve: database reachable, mail transport state, outbox backlog' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database does not answer (`status: error`, `database: down`)' })
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
