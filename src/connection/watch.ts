import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The tutor's end of a private server's watchdog. */
export interface Watchdog {
  /** The folder's redis-server is now this process. */
  watch(pid: number): void;
  /** A clean stop: the tutor has stopped the server and removed the folder itself; the watchdog only ends. */
  release(): void;
}

/**
 * The watchdog reads a pipe from the tutor: each line the pid of the folder's redis-server now (0: none).
 * The pipe ends when the tutor is gone, however it ended (`kill -9` included); the watchdog then kills the
 * server it last heard of and removes the folder. A POSIX shell does it in a millisecond of CPU (a second
 * node process took a third of a second from the tutor's start on a busy machine); Windows, which has no
 * shell to count on, runs watchdog.ts.
 */
const SHELL_WATCHDOG = `pid=0
while IFS= read -r line; do pid=$line; done
if [ "$pid" -gt 0 ] 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
rm -rf -- "$1"`;

/**
 * Starts the watchdog of `dir` without waiting for it: detached, in a session of its own so that the
 * terminal's signals (Ctrl+C, a closed window) do not reach it. Neither the process nor the pipe keeps
 * the tutor running.
 */
export function startWatchdog(dir: string): Watchdog {
  const [command, args] =
    process.platform === 'win32'
      ? [process.execPath, [fileURLToPath(new URL('./watchdog.js', import.meta.url)), dir]]
      : ['/bin/sh', ['-c', SHELL_WATCHDOG, 'redis-tutor-watchdog', dir]];
  const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true, windowsHide: true });
  // A watchdog that could not start or died must not take the tutor with it.
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  child.unref();
  (child.stdin as Socket | null)?.unref();
  return {
    watch: (pid) => void child.stdin?.write(`${pid}\n`),
    release() {
      child.stdin?.write('0\n');
      child.stdin?.end();
    },
  };
}
