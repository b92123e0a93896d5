import { runnerMsg as m } from './messages.js';

/** What a lesson may not run, by the reason a learner is given. */
const PLAYGROUND = new Set(['SELECT', 'SWAPDB', 'MOVE', 'FLUSHALL', 'MIGRATE']);
const SERVER = new Set(['SHUTDOWN', 'DEBUG', 'CONFIG', 'SYNC', 'PSYNC', 'REPLICAOF', 'SLAVEOF', 'FAILOVER']);
/** Allowed on a helper connection, whose whole job may be to listen. */
const LISTENER = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE']);
const SESSION = new Set(['AUTH', 'HELLO', 'RESET', 'CLIENT']);
/** What a persistence lesson types, on a server the tutor owns and can restart (R5). */
const PERSISTENCE = new Set(['CONFIG']);

/**
 * Pure: why a command is not run in a lesson, or undefined when it may run. The REPL is the place for the
 * rest; each reason names what the command would do here, not a rule.
 */
export function refusal(name: string, onHelper: boolean, controlled = false): string | undefined {
  if (PLAYGROUND.has(name)) return m.refusedPlayground(name);
  if (controlled && PERSISTENCE.has(name)) return undefined;
  if (SERVER.has(name)) return m.refusedServer(name);
  if (LISTENER.has(name)) return onHelper ? undefined : m.refusedListener(name);
  if (name === 'MONITOR') return m.refusedMonitor();
  if (SESSION.has(name)) return m.refusedSession(name);
  return undefined;
}
