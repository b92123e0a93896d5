import path from 'node:path';

/** Whether a process with this pid still exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A PATH that finds no redis-server (the bin itself is started by absolute path, so it needs none). */
export const PATH_WITHOUT_REDIS = path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath);
