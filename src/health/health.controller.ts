import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MAIL_TRANSPORT, MailTransport } from '../notifications/delivery/mail-transport';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  /** `mail` is the transport's last known state: no SMTP connection is opened per call. */
  @Get()
  @ApiOperation({ summary: 'Whether this instance can serve: database reachable, mail transport state' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database does not answer (`status: error`, `database: down`)' })
  async check(@Res() res: Response): Promise<void> {
    const database = await this.database();
    const up = database === 'up';
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'error', database, mail: this.transport.state() });
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
