/**
 * The few lines `node` runs around the learner's file, passed with `-e` (so nothing is written beside it).
 * They import the file as `node <file>` would (process.argv[1] is the file, then its arguments), and tell
 * the tutor on file descriptor 3, one JSON object a line: the error that stopped the program (never
 * Node's own printout, which would show the tutor's frames), that the file's top level finished
 * (`main`), and then, four times a second, what keeps the process alive (`active`: a TCPSocketWrap is a
 * client never closed). The timer is unref'd: it never keeps a program alive by itself.
 */
export const HARNESS = `
import { spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const report = (o) => { try { writeSync(3, JSON.stringify(o) + '\\n'); } catch {} };
const file = path.resolve(process.argv[1]);
process.argv[1] = file;
const stop = (err) => {
  const error = err instanceof Error
    ? { name: err.name, message: String(err.message), stack: String(err.stack ?? '') }
    : { name: 'thrown', message: String(err), stack: '' };
  // A syntax error met by import() carries no line: node --check names it.
  if (error.name === 'SyntaxError' && !error.stack.includes(file)) {
    error.stack = String(spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' }).stderr) + error.stack;
  }
  report({ error });
  process.exit(1);
};
process.on('uncaughtException', stop);
process.on('unhandledRejection', stop);
try {
  await import(pathToFileURL(file).href);
} catch (err) {
  stop(err);
}
report({ main: true });
setInterval(() => report({ active: process.getActiveResourcesInfo() }), 250).unref();
`;
