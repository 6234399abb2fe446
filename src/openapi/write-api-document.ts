import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { createOfflineApiDocument } from './offline-document';

/**
 * `node dist/openapi/write-api-document.js <file>`: writes the OpenAPI document for
 * `npm run lint:openapi`, without a database or a port. The configuration is the environment's
 * (PUBLIC_BASE_URL names the server), with throw-away secrets so nothing is generated on disk.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: write-api-document <file.json>');
  const varDir = mkdtempSync(join(tmpdir(), 'rencontres-openapi-'));
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: 'offline-document-secret-never-used-to-sign-anything',
      TOKEN_SECRET: 'offline-document-secret-never-used-to-derive-tokens',
      VAR_DIR: varDir,
    });
    const document = await createOfflineApiDocument(config);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  } finally {
    rmSync(varDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
