/**
 * The bin's entry. Runs `main` from the start-up bundle (dist/bundle.js, see registry.ts) when it is at
 * least as new as the compiled modules, else the compiled modules themselves: after a bare `tsc`, before
 * the bundle step ran again, the tutor still runs the code just compiled, only slower to start. `--debug`
 * also runs the modules, so that a stack trace names their files and lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { BUNDLE_FILE, bundleIsCurrent, codeCacheFile, DIST } from './bundle-file.js';
import { saveCodeCache } from './code-cache.js';
import { Registry } from './registry.js';

function readCache(file: URL): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

// `--version` alone reads two small modules (main.ts imports nothing else for it): cheaper than the bundle.
const versionOnly = process.argv.length === 3 && ['--version', '-v'].includes(process.argv[2] as string);

if (!versionOnly && !process.argv.includes('--debug') && bundleIsCurrent()) {
  const cacheFile = codeCacheFile();
  const cachedData = readCache(cacheFile);
  const script = new Script(readFileSync(BUNDLE_FILE, 'utf8'), { filename: fileURLToPath(BUNDLE_FILE), ...(cachedData ? { cachedData } : {}) });
  // No cache for this V8 (a Node other than the build's), or V8 refused it: keep what it compiles this time.
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => saveCodeCache(script, cacheFile));
  const registry = new Registry(DIST, (specifier) => import(specifier));
  (script.runInThisContext() as (system: Registry) => void)(registry);
  await registry.import('main');
} else {
  await import('../main.js');
}
