import { integer, OK } from '../../resp/types.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { Database } from '../keyspace.js';
import { toBytes, type Bytes, type CommandSpec } from '../types.js';
import { integerArg } from '../util/args.js';
import { fail, NOT_INTEGER } from '../util/reply-error.js';
import { command } from '../util/spec.js';

const OUT_OF_RANGE = 'ERR DB index is out of range';

const INT_RANGE = 'ERR value is out of range, value must between -2147483648 and 2147483647';

/** getIntFromObjectOrReply: a 32-bit integer, else `message` (by default Redis's own for each case). */
function intArg(arg: Buffer, message?: string): number {
  const n = integerArg(arg, message ?? NOT_INTEGER);
  if (n < -2147483648n || n > 2147483647n) fail(message ?? INT_RANGE);
  return Number(n);
}

function database(engine: Engine, index: number): Database {
  if (index < 0 || index >= engine.databaseCount) fail(OUT_OF_RANGE);
  return engine.database(index);
}

/** MOVE key db (moveCommand): the value, its TTL and its access state go to the other database. */
const move = command('move', 3, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const { engine } = internals(ctx);
  const src = ctx.db as Database;
  const dst = database(engine, intArg(args[2]!));
  if (src === dst) fail('ERR source and destination objects are the same');
  const key = toBytes(args[1]!);
  const value = src.get(key);
  if (value === undefined) return integer(0);
  const expire = src.getExpire(key);
  if (dst.get(key) !== undefined) return integer(0);
  const access = src.accessState(key);
  dst.set(key, value);
  if (expire !== undefined) dst.setExpire(key, expire);
  dst.setAccessState(key, access);
  src.delete(key);
  return integer(1);
});

/**
 * SWAPDB a b (dbSwapDatabases): WATCH hears it first as Redis's touchAllWatchedKeysInDb does, then the
 * databases trade their content (clients stay on their index), then keys clients wait on that are now
 * there become ready. The AOF gets every key of both databases as it now is.
 */
const swapdb = command('swapdb', 3, ['write', 'fast'], [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  const a = intArg(args[1]!, 'ERR invalid first DB index');
  const b = intArg(args[2]!, 'ERR invalid second DB index');
  const first = database(engine, a);
  const second = database(engine, b);
  if (first !== second) {
    engine.watch.touchSwapped(first, second);
    engine.watch.touchSwapped(second, first);
    const keys = new Set<Bytes>([...first.allKeys(), ...second.allKeys()]);
    first.swapWith(second);
    for (const db of [first, second]) {
      for (const key of keys) engine.persistence.noteChange(db, key, false);
      for (const key of engine.blocking.keysIn(db.index)) if (db.holdsRaw(key)) engine.blocking.signal(db, key);
    }
  }
  engine.persistence.countElements(1);
  return OK;
});

export const moveSwapdbCommands: CommandSpec[] = [move, swapdb];
