/**
 * The private server's watchdog on Windows (elsewhere a POSIX shell does the same; see watch.ts): reads the
 * tutor's pipe, each line the pid of the folder's redis-server now (0: none); when the pipe ends, the tutor is
 * gone, so it kills that server and removes the folder.
 *
 * argv: the private server's folder.
 */
import { removeFolder } from './leftovers.js';

const dir = process.argv[2];
if (dir === undefined) process.exit(2);

let server = 0;
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) server = Number(line) > 0 ? Number(line) : 0;
});
process.stdin.once('close', () => {
  if (server > 0) {
    try {
      process.kill(server, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  try {
    removeFolder(dir!);
  } catch {
    // The next run's sweep tries again.
  }
  process.exit(0);
});
