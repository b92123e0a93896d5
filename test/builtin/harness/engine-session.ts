import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { RawConnection } from './connection.js';
import type { Reply } from './resp.js';

/** A built-in engine with one raw connection: what the pinned-deviation tests talk to. */
export interface EngineSession {
  engine: RunningEngine;
  /** Sends one command (strings as latin1, buffers as they are) and answers its reply. */
  send(...args: (string | Buffer)[]): Promise<Reply | undefined>;
  close(): Promise<void>;
}

export async function engineSession(options: Parameters<typeof startBuiltinEngine>[0] = {}): Promise<EngineSession> {
  const engine = await startBuiltinEngine(options);
  const conn = await RawConnection.open(engine.port);
  return {
    engine,
    send: (...args) => {
      conn.send(args.map((a) => (typeof a === 'string' ? Buffer.from(a, 'latin1') : a)));
      return conn.read();
    },
    close: async () => {
      conn.close();
      await engine.close();
    },
  };
}
