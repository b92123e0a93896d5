import type { GlobalOptions } from '../connection/options.js';
import { address, parsePort } from '../connection/options.js';
import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';

/**
 * `redis-tutor server [--port <n>] [--maxmemory <bytes>]`: the built-in engine in the foreground, for redis-cli or the
 * learner's own code. It runs until the process is stopped (main.ts owns Ctrl+C and the exit).
 */
export async function server(opts: GlobalOptions, out: NodeJS.WritableStream = process.stdout, maxmemory?: string): Promise<number> {
  const port = opts.port === undefined ? 0 : parsePort(opts.port, '--port');
  let maxMemoryBytes: number | undefined;
  if (maxmemory !== undefined) {
    const { parseMemory } = await import('../builtin/persistence/config-values.js');
    const bytes = parseMemory(maxmemory);
    if (bytes === undefined || maxmemory === '') throw new UserError(msg.serverBadMaxmemory(maxmemory));
    maxMemoryBytes = Number(bytes);
  }
  const { startBuiltinEngine } = await import('../builtin/start.js');
  let engine;
  try {
    engine = await startBuiltinEngine({ port, maxMemoryBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(msg.serverPortInUse(port), { cause: err });
    throw err;
  }
  out.write(`${msg.serverListening(address(engine), engine.port)}\n`);
  await new Promise<never>(() => {});
  return 0;
}
