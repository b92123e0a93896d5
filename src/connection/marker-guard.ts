import { PLAYGROUND_MARKER } from './playground.js';

/**
 * Which commands may have taken the playground marker away, so that the REPL puts it back after them and
 * after nothing else (pipe mode sends 100,000 lines; a second write after each would halve its speed).
 * Pure.
 *
 * - Commands that empty databases or run code that may name any key: FLUSHDB, FLUSHALL, EXEC (the queued
 *   commands), EVAL, EVALSHA, FCALL.
 * - Any command with the marker's name among its arguments: DEL, UNLINK, GETDEL, EXPIRE and its kin, GETEX,
 *   PERSIST, RENAME and RENAMENX (either side), MOVE, MIGRATE, SET, RESTORE, COPY, SORT ... STORE, and any
 *   other that names it; a harmless one (GET, TYPE) costs one needless write at most.
 *
 * SWAPDB is left out on purpose: after `SWAPDB 15 0` database 15 holds what was in database 0, and a marker
 * written there would make the learner's data the tutor's to delete. The next start refuses it instead.
 */
const WHOLE_DATABASE = new Set(['flushdb', 'flushall', 'exec', 'eval', 'evalsha', 'fcall']);

const MARKER_BYTES = Buffer.from(PLAYGROUND_MARKER, 'utf8');

/** `name` is the command's name in lower case. */
export function mayTakeMarker(name: string, args: readonly (Buffer | string)[]): boolean {
  if (WHOLE_DATABASE.has(name)) return true;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as Buffer | string;
    if (arg.length !== MARKER_BYTES.length) continue;
    if (typeof arg === 'string' ? arg === PLAYGROUND_MARKER : arg.equals(MARKER_BYTES)) return true;
  }
  return false;
}
