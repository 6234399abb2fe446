// `npm start` builds only when the sources changed since the last build: it compares a
// fingerprint of every input of `tsc -p tsconfig.build.json` (paths, sizes, modification times)
// with the one written beside dist/ by the last successful build. A missing dist/main.js builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const stampFile = join(root, 'dist', '.build-fingerprint');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/swc-options.json'];

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    yield [relative(root, path), stat.size, stat.mtimeMs];
    return;
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

const hash = createHash('sha256');
for (const input of inputs) for (const entry of files(join(root, input))) hash.update(entry.join('\0') + '\n');
const fingerprint = hash.digest('hex');

const built = existsSync(join(root, 'dist', 'main.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint;
if (built && !process.argv.includes('--force')) process.exit(0);

/**
 * With @swc/core (a development dependency) the sources are transpiled file by file in about a
 * second, with the decorator settings the tests use; type checking is `npm run build`'s and
 * `npm run typecheck`'s job. Without it (an install without dev dependencies), tsc builds.
 */
async function transpile() {
  let swc;
  try {
    swc = await import('@swc/core');
  } catch {
    return false;
  }
  // The same settings as the tests' compiled server (test/support/compiled-app.ts).
  const options = { ...JSON.parse(readFileSync(join(root, 'scripts', 'swc-options.json'), 'utf8')), sourceMaps: true };
  for (const [path] of files(join(root, 'src'))) {
    if (!path.endsWith('.ts') || path.endsWith('.spec.ts')) continue;
    const out = join(root, 'dist', relative('src', path)).replace(/\.ts$/, '.js');
    const { code, map } = swc.transformFileSync(join(root, path), { ...options, sourceFileName: relative(dirname(out), join(root, path)) });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${code}\n//# sourceMappingURL=${basename(out)}.map\n`);
    if (map) writeFileSync(`${out}.map`, map);
  }
  return true;
}

if (!(await transpile())) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
writeFileSync(stampFile, fingerprint);
