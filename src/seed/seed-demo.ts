import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-url';
import { runMigrations } from '../database/data-source';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { slugify } from '../events/slug';
import { demoEvents } from './demo-events';
import { seedDemoProgramme } from './demo-programme';

/** `npm run seed:demo`: the regional conference (with its programme), a study day and a webinar. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.error(line));
  await runMigrations(db.url);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error', 'warn'] });
  try {
    const events = app.get(EventsService);
    const demo = demoEvents(app.get(Clock).now());
    if (await app.get(EventsRepository).findBySlug(slugify(demo.conference.title))) {
      console.log('The demo is already loaded (the regional conference exists): nothing to do.');
      return;
    }
    const created = [];
    for (const input of [demo.conference, demo.studyDay, demo.webinar]) {
      const event = await events.create(input);
      await events.publish(event.id);
      created.push(event);
    }
    await seedDemoProgramme(app, created[0].id);
    console.log('Demo loaded:');
    for (const event of created) console.log(`  ${event.title}\n    ${config.publicBaseUrl}/api/events/${event.slug}`);
    console.log(`  Programme: ${config.publicBaseUrl}/api/events/${created[0].id}/programme`);
  } finally {
    await app.close();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`The demo could not be loaded: ${error.message}`);
    process.exit(1);
  },
);
