import { readdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../engine.js';
import { REDIS_SAVE_DEFAULT } from './config-params.js';
import { removeQuietly } from './files.js';

/** What a lesson does to the engine as to a server: see `RunningEngine.control` in start.ts. */
export interface EngineControl {
  fresh(): Promise<void>;
  restart(): Promise<void>;
  crash(): Promise<void>;
  restartFromConfig(): Promise<void>;
}

/**
 * Restarts inside the process: the listener stays, every connection is closed, memory is emptied and
 * filled again from the folder's files as Redis loads them. `startConfig` is the configuration the
 * engine was started with (a real server's command line or config file); `fresh` replaces it.
 */
export function engineControl(engine: Engine, startConfig: Map<string, string>): EngineControl {
  let start = new Map(startConfig);

  /** SHUTDOWN (a snapshot when save points are set) or SIGKILL (nothing more is written). */
  const stop = (clean: boolean): void => {
    if (clean) engine.persistence.shutdownSave();
    engine.persistence.close();
    engine.dropAllClients();
  };

  /** A start with `config`, loading the data as Redis does; the clock keeps going. */
  const boot = (config: Map<string, string>): void => {
    for (const [key, value] of config) engine.config.set(key, value);
    for (const key of ['maxmemory', 'maxmemory-policy', 'maxmemory-samples']) engine.configChanged(key);
    engine.startCron();
    engine.startedAt = engine.clock.read();
    engine.persistence.load();
  };

  const running = (): Map<string, string> => new Map(engine.config);

  return {
    fresh: async () => {
      stop(false);
      removeFiles(engine);
      start = new Map([...start, ['save', REDIS_SAVE_DEFAULT], ['appendonly', 'no'], ['appendfsync', 'everysec']]);
      // From here on it runs as a server started from a configuration file: CONFIG REWRITE writes to it.
      engine.rewriteConfig = () => {
        start = running();
      };
      boot(start);
    },
    restart: async () => {
      const config = running();
      stop(true);
      boot(config);
    },
    crash: async () => {
      const config = running();
      stop(false);
      boot(config);
    },
    restartFromConfig: async () => {
      stop(true);
      boot(start);
    },
  };
}

/** The engine's own files in its folder: the snapshot, the AOF, and the AOF folder when it is left empty. */
function removeFiles(engine: Engine): void {
  const { snapshotFile, aofFile } = engine.persistence;
  removeQuietly(snapshotFile);
  removeQuietly(aofFile);
  const aofDir = path.dirname(aofFile);
  try {
    if (readdirSync(aofDir).length === 0) rmdirSync(aofDir);
  } catch {
    // No AOF folder: nothing to remove.
  }
}
