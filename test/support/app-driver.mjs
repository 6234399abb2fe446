// Runs the compiled application in its own process, as `npm start` does (its outbox worker
// included), on the DATABASE_URL and SMTP_URL of the environment:
//   node app-driver.mjs <compiled app dir>   → prints READY <port>, runs until killed
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { loadConfig } = require(join(dir, 'config', 'app-config.js'));
const { createApp } = require(join(dir, 'app.factory.js'));
const config = loadConfig();
const app = await createApp(config, config.databaseUrl, { logger: ['error'] });
await app.listen(0, '127.0.0.1');
process.stdout.write(`READY ${app.getHttpServer().address().port}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
