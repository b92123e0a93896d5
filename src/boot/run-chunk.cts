import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { chunkFile, codeCacheFile } from './bundle-file.cjs';
import type { Registry } from './registry.cjs';

/** A chunk run in this process, and whether V8 took its code cache (else the caller may write one). */
export interface RanChunk {
  script: Script;
  cacheFile: URL;
  cached: boolean;
}

function readCache(file: URL): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Runs one chunk of the bundle, which registers its modules with `registry` (none is evaluated yet). The text
 * is ASCII (the build escapes the rest), so it is read as latin1: no UTF-8 decoding, a one-byte string.
 */
export function runChunk(registry: Registry, chunk: string, dir?: URL, useCache = true): RanChunk {
  const file = chunkFile(chunk, dir);
  const cacheFile = codeCacheFile(chunk, dir);
  const cachedData = useCache ? readCache(cacheFile) : undefined;
  const script = new Script(readFileSync(file, 'latin1'), { filename: fileURLToPath(file), ...(cachedData ? { cachedData } : {}) });
  (script.runInThisContext() as (system: Registry) => void)(registry);
  return { script, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected };
}
