import { internals } from '../dispatch.js';
import type { CommandSpec } from '../types.js';
import { command } from '../util/spec.js';

/**
 * SYNC, as far as the engine goes: it does not replicate. Redis answers a replica's SYNC with its RDB as
 * one bulk payload (no CRLF after it) and then streams every write; the engine answers with a payload
 * that is no RDB (a real replica refuses to load it and says so, rather than taking an empty dataset
 * for the master's), then the stream of writes as replication.ts propagates them. Redis's test suite
 * reads that stream through SYNC (attach_to_replication_stream).
 */
const PAYLOAD = "redis-tutor's built-in engine does not replicate: this is not an RDB file\n";
const REPLY = Buffer.from(`$${PAYLOAD.length}\r\n${PAYLOAD}`, 'latin1');

const sync = command('sync', 1, ['admin', 'noscript', 'no_async_loading', 'no_multi'], [0, 0, 0], (ctx) => {
  const { engine, client } = internals(ctx);
  engine.replication.attach(client);
  return { type: 'raw', value: REPLY };
});

export const syncCommands: CommandSpec[] = [sync];
