import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Where the start-up bundle and its compiled code are written (src/build/bundle.ts) and read (start.cts):
 * `dist/bundle/`, one script per chunk (src/build/chunks.ts), `core.js` the one every start reads.
 */
export const DIST = new URL('../', pathToFileURL(__filename));
export const BUNDLE_DIR = new URL('bundle/', DIST);
export const CORE = 'core';

export const chunkFile = (chunk: string, dir = BUNDLE_DIR): URL => new URL(`${chunk}.js`, dir);

/**
 * Whether the bundle holds the code just compiled: it is written after tsc, which rewrites every module
 * (main.js too) at each run. A bare `tsc` since the last bundle step makes main.js the newer.
 */
export function bundleIsCurrent(bundle = chunkFile(CORE), main = new URL('main.js', DIST)): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(main).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * V8's code cache of a chunk, for the V8 that runs: with it the chunk is not compiled again at every start.
 * V8 refuses a cache of another version or of another text of the chunk.
 */
export function codeCacheFile(chunk: string, dir = BUNDLE_DIR, v8Version = process.versions.v8): URL {
  return new URL(`${chunk}.${v8Version.replace(/[^\w.-]/g, '_')}.cache`, dir);
}

/** Folders of src/ left out of the bundle: the build steps, and the loader that runs the bundle. */
export const BUNDLE_EXCLUDED = ['build', 'boot'];

/**
 * A chunk's text is a script whose value is a function of the registry; TypeScript's output goes in its
 * body. The core chunk first tells the registry which chunk holds each other module.
 */
export function wrapChunk(body: string, manifest?: Record<string, string>): string {
  return `(function (System) {\n${manifest ? `System.chunks(${JSON.stringify(manifest)});\n` : ''}${body}})`;
}
