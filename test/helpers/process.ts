import { spawnSync } from 'node:child_process';
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

/**
 * Whether the process still runs: a zombie (dead, its exit status not yet collected, as a server whose
 * parent was killed is until init collects it) does not. Asks `ps`, which Linux and macOS both have.
 */
export function isRunning(pid: number): boolean {
  const r = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  const stat = r.stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}

/** The pid of a process's parent (`ps`), or undefined once the process is gone. */
export function parentOf(pid: number): number | undefined {
  const ppid = Number(spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
  return ppid > 0 ? ppid : undefined;
}

/** The command lines of every process (`ps`), one a line. */
export function commandLines(): string {
  return spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
}
