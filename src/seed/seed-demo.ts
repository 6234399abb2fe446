import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { Clock } from '../common/clock';
import { AppConfig, loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-url';
import { runMigrations } from '../database/data-source';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { slugify } from '../events/slug';
import { demoEvents } from './demo-events';
import { seedDemoProgramme } from './demo-programme';
import { seedDemoStudyDay } from './demo-study-day';

/**
 * `npm run seed:demo`: the regional conference (with its programme, workshops first come), a study
 * day ("Journée d’étude", workshops allocated by preference) and a webinar.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.error(line));
  await runMigrations(db.url);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error', 'warn'] });
  try {
    const events = app.get(EventsService);
    const demo = demoEvents(app.get(Clock).now());
    const loaded = await app.get(EventsRepository).findBySlug(slugify(demo.conference.title));
    if (loaded) {
      console.log('The demo is already loaded (the regional conference exists): nothing to do.');
      console.log(demoGuide(config, [loaded]));
      return;
    }
    const created = [];
    for (const input of [demo.conference, demo.studyDay, demo.webinar]) {
      const event = await events.create(input);
      await events.publish(event.id);
      created.push(event);
    }
    await seedDemoProgramme(app, created[0].id);
    await seedDemoStudyDay(app, created[1].id);
    console.log('Demo loaded.');
    console.log(demoGuide(config, created));
  } finally {
    await app.close();
    await db.stop();
  }
}

/** What a newcomer opens next: the site, each event's page and form, then the API. */
function demoGuide(config: AppConfig, events: Array<{ title: string; slug: string; id: string }>): string {
  const base = config.publicBaseUrl;
  const lines = [`Open the site: ${base}/`];
  for (const event of events) {
    lines.push(`  ${event.title}`, `    page:          ${base}/evenements/${event.slug}`, `    registration:  ${base}/evenements/${event.slug}/inscription`);
  }
  lines.push(`The API: ${base}/docs (programme of the conference: ${base}/api/events/${events[0].slug}/programme)`);
  lines.push(
    config.smtpUrl
      ? `Emails go to ${config.smtpUrl.replace(/\/\/[^@/]*@/, '//')}.`
      : `Emails (confirmation with badge and agenda) are written under ${join(config.varDir, 'mail')}/.`,
  );
  return lines.join('\n');
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`The demo could not be loaded: ${error.message}`);
    process.exit(1);
  },
);
