/**
 * The bin's entry. Runs `main` from the start-up bundle (dist/bundle/, see registry.cts and
 * src/build/chunks.ts) when it is at least as new as the compiled modules, else the compiled modules
 * themselves: after a bare `tsc`, before the bundle step ran again, the tutor still runs the code just
 * compiled, only slower to start. `--debug` also runs the modules, so that a stack trace names their files
 * and lines.
 */
import { bundleIsCurrent, CORE, DIST } from './bundle-file.cjs';
import { saveCodeCache } from './code-cache.cjs';
import { Registry } from './registry.cjs';
import { runChunk, type RanChunk } from './run-chunk.cjs';

// `--version` alone reads two small modules (main.ts imports nothing else for it): cheaper than the bundle.
const versionOnly = process.argv.length === 3 && ['--version', '-v'].includes(process.argv[2] as string);

if (!versionOnly && !process.argv.includes('--debug') && bundleIsCurrent()) {
  // A chunk without a cache for this V8 (a Node other than the build's), or one V8 refused: keep what it compiles this time.
  const uncached: RanChunk[] = [];
  const run = (chunk: string) => {
    const ran = runChunk(registry, chunk);
    if (!ran.cached) uncached.push(ran);
  };
  const registry: Registry = new Registry(DIST, (specifier) => import(specifier), run);
  run(CORE);
  process.once('exit', () => {
    for (const { script, cacheFile } of uncached) saveCodeCache(script, cacheFile);
  });
  void registry.import('main');
} else {
  void import('../main.js');
}
