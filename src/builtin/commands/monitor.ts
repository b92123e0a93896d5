import { error, OK } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { CommandSpec } from '../types.js';
import { command } from '../util/spec.js';

/**
 * MONITOR: from now on the client gets every command the others run (monitor.ts writes the lines), until
 * RESET or it goes. Refused inside EXEC, as Redis refuses it to a client that may not block.
 */
const monitor = command('monitor', 1, ['admin', 'noscript', 'loading', 'stale'], [0, 0, 0], (ctx) => {
  const { engine, client } = internals(ctx);
  if (client.inExec) return error("ERR MONITOR isn't allowed for DENY BLOCKING client");
  engine.monitors.add(client);
  return OK;
});

export const monitorCommands: CommandSpec[] = [monitor];
