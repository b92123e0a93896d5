import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Script } from 'node:vm';

/**
 * Writes V8's compiled code of the bundle beside it, whole or not at all (a temporary file renamed over
 * it, so that two tutors starting at once never read half a cache). Where the folder cannot be written
 * (a read-only install), the tutor simply compiles the bundle at each start.
 */
export function saveCodeCache(script: Script, file: URL): void {
  const temp = new URL(`${file.href}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
