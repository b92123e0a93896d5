import { error, NIL_ARRAY, OK } from '../../resp/types.js';
import type { Client } from '../client.js';
import { call, internals } from '../dispatch.js';
import { arrayOf, type Reply } from '../reply.js';
import type { Engine } from '../engine.js';
import { toBytes, type CommandSpec } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';

export const EXECABORT = 'EXECABORT Transaction discarded because of previous errors.';

/** Leaves MULTI state and forgets WATCHed keys (Redis's discardTransaction). */
export function discardTransaction(engine: Engine, client: Client): void {
  client.multi = null;
  client.multiFailed = false;
  client.multiDenyOom = false;
  client.dirtyCas = false;
  engine.watch.unwatchAll(client);
}

const multi = command('multi', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], [0, 0, 0], (ctx) => {
  const { client } = internals(ctx);
  if (client.multi !== null) fail('ERR MULTI calls can not be nested');
  client.multi = [];
  return OK;
});

const discard = command('discard', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], [0, 0, 0], (ctx) => {
  const { client, engine } = internals(ctx);
  if (client.multi === null) fail('ERR DISCARD without MULTI');
  discardTransaction(engine, client);
  return OK;
});

const exec = command('exec', 1, ['noscript', 'loading', 'stale', 'skip_slowlog'], [0, 0, 0], (ctx) => {
  const { client, engine } = internals(ctx);
  const queued = client.multi;
  if (queued === null) fail('ERR EXEC without MULTI');
  if (engine.watch.anyExpired(client, (i) => engine.database(i))) client.dirtyCas = true;
  if (client.multiFailed || client.dirtyCas) {
    const reply = client.multiFailed ? error(EXECABORT) : NIL_ARRAY;
    discardTransaction(engine, client);
    return reply;
  }
  engine.watch.unwatchAll(client);
  client.multi = null;
  if (queued.length === 0) {
    discardTransaction(engine, client);
    return arrayOf([]);
  }
  // As Redis does, the array's header goes out first and each reply as its command runs, so whatever a
  // command writes to this client meanwhile (its own PUBLISH's push, SUBSCRIBE's answers) lands inline.
  client.writer.arrayHeader(queued.length);
  let last: Reply = arrayOf([]);
  queued.forEach(({ spec, args }, i) => {
    const result = call(engine, client, spec, args);
    // A blocking command inside a transaction cannot wait: it answers as if it had timed out.
    const reply = result.type === 'block' ? (result.deniedReply ?? result.onTimeout) : result;
    if (i < queued.length - 1) client.reply(reply);
    else last = reply;
  });
  discardTransaction(engine, client);
  return last;
});

const watch = command('watch', -2, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], [1, -1, 1], (ctx, args) => {
  const { client, engine } = internals(ctx);
  if (client.multi !== null) fail('ERR WATCH inside MULTI is not allowed');
  if (client.dirtyCas) return OK;
  const db = engine.database(client.dbIndex);
  for (let j = 1; j < args.length; j++) engine.watch.watch(client, db, toBytes(args[j]!));
  return OK;
});

const unwatch = command('unwatch', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], [0, 0, 0], (ctx) => {
  const { client, engine } = internals(ctx);
  engine.watch.unwatchAll(client);
  client.dirtyCas = false;
  return OK;
});

export const transactionCommands: CommandSpec[] = [multi, discard, exec, watch, unwatch];
