import { array, bulk, integer, OK } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { CommandSpec } from '../types.js';
import { keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { persistenceCommands } from './persistence.js';
import { info } from '../info/command.js';

/** What the engine reports as its version: the Redis release whose behaviour it reproduces. */
export const REDIS_VERSION = '7.0.15';

function flushMode(args: Buffer[]): void {
  if (args.length > 2) fail(SYNTAX_ERROR);
  if (args.length === 2 && keyword(args[1]) !== 'sync' && keyword(args[1]) !== 'async') fail(SYNTAX_ERROR);
}

const flushdb = command('flushdb', -1, ['write'], [0, 0, 0], (ctx, args) => {
  flushMode(args);
  const { engine, client } = internals(ctx);
  engine.database(client.dbIndex).flush();
  return OK;
});

const flushall = command('flushall', -1, ['write'], [0, 0, 0], (ctx, args) => {
  flushMode(args);
  const { engine } = internals(ctx);
  for (const db of engine.databases) db.flush();
  // As Redis 7.0: with save points set, FLUSHALL saves the (now empty) snapshot at once.
  if (engine.config.get('save') !== '') engine.persistence.save();
  return OK;
});

const dbsize = command('dbsize', 1, ['readonly', 'fast'], [0, 0, 0], ({ db }) => integer(db.size()));

const time = command('time', 1, ['loading', 'stale', 'fast'], [0, 0, 0], (ctx) => {
  const micros = internals(ctx).engine.clock.micros();
  return array([bulk(String(micros / 1000000n)), bulk(String(micros % 1000000n))]);
});

export const serverCommands: CommandSpec[] = [flushdb, flushall, dbsize, time, info, ...persistenceCommands];
