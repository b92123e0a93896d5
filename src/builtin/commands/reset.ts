import { simple } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import { command } from '../util/spec.js';
import { discardTransaction } from './transactions.js';

const RESET = simple('RESET');

/**
 * RESET puts a connection back as it was when it opened (Redis 7.0's clearClientConnectionState, as far
 * as the engine has that state): out of MONITOR, CLIENT REPLY OFF/SKIP and NO-EVICT, out of MULTI with nothing watched, every channel, pattern and shard
 * channel left without an answer per subscription, database 0, RESP2, no name.
 */
export const reset = command('reset', 1, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], [0, 0, 0], (ctx) => {
  const { client, engine } = internals(ctx);
  discardTransaction(engine, client);
  engine.pubsub.drop(client);
  engine.monitors.delete(client);
  client.replyOff = client.skipNext = client.skipping = false;
  client.noEvict = false;
  client.dbIndex = 0;
  client.writer.resp = 2;
  client.name = null;
  return RESET;
});
