import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

function smtpReachable(url: string): Promise<boolean> {
  const parsed = new URL(url);
  const port = Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587);
  return new Promise((resolve) => {
    const socket = connect({ host: parsed.hostname, port, timeout: 2000 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', mail: 'up' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error', database: 'down', mail: 'up' } } })
  async check(@Res() res: Response): Promise<void> {
    const [database, mail] = await Promise.all([this.database(), this.mail()]);
    const up = database === 'up';
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'error', database, mail });
  }

  private async database(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async mail(): Promise<'up' | 'down'> {
    if (this.config.smtpUrl) return (await smtpReachable(this.config.smtpUrl)) ? 'up' : 'down';
    try {
      const dir = join(this.config.varDir, 'mail');
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
