import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onExit } from '../connection/cleanup.js';
import { allCommands } from './commands/index.js';
import { DEFAULT_MAX_MEMORY, Engine } from './engine.js';
import { engineControl } from './persistence/control.js';
import { EngineServer } from './server.js';

export interface BuiltinEngineOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The memory cap: writes that may grow the data are refused with OOM beyond it. @default 256 MB */
  maxMemoryBytes?: number;
  /**
   * The folder SAVE, the save points and the AOF write to, and a start loads from (as redis-server's
   * --dir). @default a new temporary folder, removed on close and when the process exits
   */
  dir?: string;
}

export interface RunningEngine {
  host: string;
  port: number;
  /** The engine's folder (CONFIG GET dir). */
  dir: string;
  /**
   * Moves the engine's clock forward by `ms` milliseconds at once (a lesson's `@wait 4s`): keys whose
   * TTL has passed are gone, TIME and uptime jump, WATCHed keys that expired fail EXEC, and blocked
   * clients whose timeout has passed get their timeout reply. Throws RangeError for a negative `ms`.
   */
  advanceClock(ms: number): void;
  /**
   * Server control for lessons on persistence. Each closes every client connection (the listener stays
   * on the same port; blocked clients and subscriptions go), and the engine's clock keeps going.
   */
  control: {
    /** Empty every database, remove the folder's files, and make the start configuration Redis's defaults for persistence (save "3600 1 300 100 60 10000", appendonly no, appendfsync everysec); from then on restarts start from that. */
    fresh(): Promise<void>;
    /** As SHUTDOWN then a start with the *running* configuration (CONFIG SET kept): a snapshot is saved when save points are set (as Redis's SHUTDOWN does), the AOF is complete; then memory is dropped and the data loaded as Redis loads it (the AOF when appendonly is yes, else the snapshot). */
    restart(): Promise<void>;
    /** As SIGKILL then a start with the running configuration: memory is lost; only what the files hold comes back. */
    crash(): Promise<void>;
    /** As SHUTDOWN then a start from the start configuration (every CONFIG SET forgotten), loading accordingly. */
    restartFromConfig(): Promise<void>;
  };
  /** Stops the engine as SHUTDOWN would (a snapshot when save points are set); a temporary folder is removed. */
  close(): Promise<void>;
}

/**
 * Starts the built-in Redis-compatible engine on a loopback port, inside this process. It starts as the
 * tutor's private redis-server does (`save ""`, `appendonly no`), loading what its folder holds.
 */
export async function startBuiltinEngine(options: BuiltinEngineOptions = {}): Promise<RunningEngine> {
  const temporary = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-engine-'));
  const removeDir = (): void => {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };
  const forget = onExit(removeDir);
  const maxMemoryBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY;
  const engine = new Engine({ commands: allCommands, maxMemoryBytes, config: { dir: path.resolve(dir) } });
  const server = new EngineServer(engine);
  let port: number;
  try {
    engine.persistence.load();
    port = await server.listen(options.port ?? 0);
  } catch (err) {
    engine.persistence.close();
    forget();
    removeDir();
    throw err;
  }
  engine.config.set('port', String(port));
  const control = engineControl(engine, new Map(engine.config));
  return {
    host: '127.0.0.1',
    port,
    dir,
    advanceClock: (ms) => engine.advanceClock(ms),
    control,
    close: async () => {
      try {
        if (!temporary) engine.persistence.shutdownSave();
      } catch {
        // A folder that cannot take the snapshot must not keep the tutor from ending.
      } finally {
        engine.persistence.close();
        await server.close();
        forget();
        removeDir();
      }
    },
  };
}
