import { transformFileSync } from '@swc/core';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The application compiled for child processes (tests that kill a real server). */
export const COMPILED_APP = join(ROOT, 'node_modules', '.cache', 'rencontres-test', 'app');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Compiles src/ with the same swc settings as Jest (decorators with metadata), in under a second. */
export function compileApp(): string {
  const src = join(ROOT, 'src');
  for (const file of sources(src)) {
    const { code } = transformFileSync(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
        target: 'es2022',
      },
      module: { type: 'commonjs', ignoreDynamic: true },
    });
    const out = join(COMPILED_APP, relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  return COMPILED_APP;
}
