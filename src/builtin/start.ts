import { allCommands } from './commands/index.js';
import { DEFAULT_MAX_MEMORY, Engine } from './engine.js';
import { EngineServer } from './server.js';

export interface BuiltinEngineOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The memory cap: writes that may grow the data are refused with OOM beyond it. @default 256 MB */
  maxMemoryBytes?: number;
}

export interface RunningEngine {
  host: string;
  port: number;
  /**
   * Moves the engine's clock forward by `ms` milliseconds at once (a lesson's `@wait 4s`): keys whose
   * TTL has passed are gone, TIME and uptime jump, WATCHed keys that expired fail EXEC, and blocked
   * clients whose timeout has passed get their timeout reply. Throws RangeError for a negative `ms`.
   */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** Starts the built-in Redis-compatible engine on a loopback port, inside this process. */
export async function startBuiltinEngine(options: BuiltinEngineOptions = {}): Promise<RunningEngine> {
  const engine = new Engine({ commands: allCommands, maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY });
  const server = new EngineServer(engine);
  const port = await server.listen(options.port ?? 0);
  return { host: '127.0.0.1', port, advanceClock: (ms) => engine.advanceClock(ms), close: () => server.close() };
}
