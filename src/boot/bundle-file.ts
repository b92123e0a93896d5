import { statSync } from 'node:fs';

/** Where the start-up bundle and its compiled code are written (src/build/bundle.ts) and read (start.ts). */
export const DIST = new URL('../', import.meta.url);
export const BUNDLE_FILE = new URL('bundle.js', DIST);

/**
 * Whether the bundle holds the code just compiled: it is written after tsc, which rewrites every module
 * (main.js too) at each run. A bare `tsc` since the last bundle step makes main.js the newer.
 */
export function bundleIsCurrent(bundle = BUNDLE_FILE, main = new URL('main.js', DIST)): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(main).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * V8's code cache of the bundle, for the V8 that runs: with it the bundle is not compiled again at every
 * start (a fifth of the time). V8 refuses a cache of another version or of another text of the bundle.
 */
export function codeCacheFile(dist = DIST, v8Version = process.versions.v8): URL {
  return new URL(`bundle-${v8Version.replace(/[^\w.-]/g, '_')}.cache`, dist);
}

/** Folders of src/ left out of the bundle: the build steps, and the loader that runs the bundle. */
export const BUNDLE_EXCLUDED = ['build', 'boot'];

/** The bundle's text is a script whose value is this function; TypeScript's output goes in its body. */
export const wrapBundle = (emitted: string): string => `(function (System) {\n${emitted}})`;
