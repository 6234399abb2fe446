import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = join(__dirname, '..', '..');
/** The settings `npm start` transpiles with (scripts/build-if-changed.mjs). */
const SWC_OPTIONS = JSON.parse(readFileSync(join(ROOT, 'scripts', 'swc-options.json'), 'utf8'));
/** Under node_modules so that the compiled files resolve the project's dependencies. */
export const COMPILED = join(ROOT, 'node_modules', '.cache', 'rencontres-test', 'app');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) yield path;
  }
}

/**
 * The server compiled as `npm run build` would (same decorator settings as Jest's), for tests
 * that must run the real `main.ts` in its own process. Returns the path of main.js.
 */
export function compileServer(): string {
  for (const file of sources(join(ROOT, 'src'))) {
    const { code } = transformFileSync(file, SWC_OPTIONS);
    const out = join(COMPILED, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  return join(COMPILED, 'src', 'main.js');
}
