import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileServer } from '../support/compiled-app';
import { createTestDatabase } from '../support/database';
import { createEvent, register } from '../support/factories';
import { MailSink, startMailSink } from '../support/mail-sink';
import { startTestApp, TestApp } from '../support/test-app';

const DRIVER = join(__dirname, '..', 'support', 'app-driver.mjs');
const MESSAGES = 150;

/** The real server in its own process, delivering to `sink`; resolves once it listens. */
function startServer(appDir: string, databaseUrl: string, sink: MailSink): Promise<ChildProcess> {
  const child = spawn(process.execPath, [DRIVER, appDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      SMTP_URL: sink.url,
      VAR_DIR: mkdtempSync(join(tmpdir(), 'rencontres-crash-')),
      JWT_SECRET: 'crash-test-secret-crash-test-secret-42',
      TOKEN_SECRET: 'test-token-secret-long-enough-for-hmac-sha256',
      MAIL_LEASE_SECONDS: '2',
      SCHEDULER_TICK_SECONDS: '1',
    },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

describe('a server killed in the middle of a batch', () => {
  let t: TestApp;
  let sink: MailSink;
  let appDir: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    appDir = dirname(compileServer());
    const database = await createTestDatabase();
    drop = database.drop;
    sink = await startMailSink({ ackDelayMs: 15 });
    // Registrations are written by an instance that does not deliver.
    t = await startTestApp({ databaseUrl: database.url, mail: 'manual', env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
    await drop();
  });

  it('delivers every queued message after a restart; the receiver sees at most the one in flight twice', async () => {
    const event = await createEvent(t, { capacity: 1000 });
    for (let i = 0; i < MESSAGES; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => register(t, event.id, { email: `crash${i + k}@exemple.test` }).expect(201)));
    }
    const first = await startServer(appDir, t.databaseUrl, sink);
    await sink.waitFor(40, undefined, 30_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const beforeRestart = sink.messages.length;
    expect(beforeRestart).toBeLessThan(MESSAGES);

    const second = await startServer(appDir, t.databaseUrl, sink);
    try {
      const deadline = Date.now() + 60_000;
      while (new Set(sink.messages.map((m) => m.messageId)).size < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Anything still in flight lands before we count.
      await new Promise((r) => setTimeout(r, 500));
      const ids = sink.messages.map((m) => m.messageId);
      const distinct = new Set(ids);
      expect(distinct.size).toBe(MESSAGES);
      expect(ids.length - distinct.size).toBeLessThanOrEqual(1);
      const statuses: Array<{ status: string; n: number }> = await t.dataSource.query(`SELECT status, count(*)::int AS n FROM outgoing_mail WHERE event_id = $1 GROUP BY status`, [
        event.id,
      ]);
      expect(statuses).toEqual([{ status: 'sent', n: MESSAGES }]);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
  });
});
