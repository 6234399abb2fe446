// Runs the compiled embedded PostgreSQL launcher in its own process, as `npm start` would:
//   node launcher-driver.mjs <compiled launcher> <dataDir> hold   → prints URL=…, stops the server on SIGTERM
//   node launcher-driver.mjs <compiled launcher> <dataDir> once   → prints URL=…, stops it, exits
import { createRequire } from 'node:module';

const [launcherPath, dataDir, mode] = process.argv.slice(2);
const { startEmbeddedPostgres } = createRequire(import.meta.url)(launcherPath);
const db = await startEmbeddedPostgres({ dataDir, port: 0, log: (line) => process.stderr.write(line + '\n') });
process.stdout.write(`URL=${db.url}\n`);
if (mode === 'once') {
  await db.stop();
  process.exit(0);
}
process.once('SIGTERM', async () => {
  await db.stop();
  process.exit(0);
});
setInterval(() => undefined, 1000);
