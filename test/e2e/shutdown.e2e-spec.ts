import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileServer } from '../support/compiled-app';
import { createTestDatabase } from '../support/database';

describe('the server process', () => {
  it('stops on SIGTERM with exit code 0, closing the database pool once, its log lines JSON', async () => {
    const main = compileServer();
    const database = await createTestDatabase();
    const child = spawn(process.execPath, [main], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'development', VAR_DIR: mkdtempSync(join(tmpdir(), 'rencontres-stop-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not listening after 30 s: ${output}`)), 30_000);
        child.stdout.on('data', () => {
          if (/is listening on/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) console.log(output);
      expect(code).toBe(0);
      expect(output).toContain('SIGTERM received: stopping');
      expect(output).not.toMatch(/more than once|ERROR|"level":"error"/);
      // Production logs: one JSON object per line, the stop included.
      const lines = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: string; msg: string });
      expect(lines.map((l) => l.msg)).toContain('SIGTERM received: stopping');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  });
});
