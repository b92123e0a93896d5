import { bulk, NIL, OK } from '../../resp/types.js';
import type { Database } from '../keyspace.js';
import { dumpPayload } from '../rdb/dump-value.js';
import { BadFormat } from '../rdb/rdb-reader.js';
import { payloadIsValid, restoreValue } from '../rdb/restore-value.js';
import { toBytes, type CommandSpec, type RedisValue } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { internals } from '../dispatch.js';
import { restoredAccess } from './object-access.js';

/** DUMP: the value in Redis 7.0's serialisation (dumpCommand), or nil when the key is missing. */
const dump = command('dump', 2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const value = db.get(toBytes(args[1]!));
  if (value === undefined) return NIL;
  return bulk(dumpPayload(value));
});

interface RestoreOptions {
  replace: boolean;
  absttl: boolean;
  idle: bigint | undefined;
  freq: bigint | undefined;
}

/** restoreCommand's option loop: IDLETIME and FREQ exclude each other (the second is a syntax error). */
function restoreOptions(args: Buffer[]): RestoreOptions {
  const o: RestoreOptions = { replace: false, absttl: false, idle: undefined, freq: undefined };
  for (let j = 4; j < args.length; j++) {
    const opt = keyword(args[j]);
    const more = j + 1 < args.length;
    if (opt === 'replace') o.replace = true;
    else if (opt === 'absttl') o.absttl = true;
    else if (opt === 'idletime' && more && o.freq === undefined) {
      o.idle = integerArg(args[++j]!);
      if (o.idle < 0n) fail('ERR Invalid IDLETIME value, must be >= 0');
    } else if (opt === 'freq' && more && o.idle === undefined) {
      o.freq = integerArg(args[++j]!);
      if (o.freq < 0n || o.freq > 255n) fail('ERR Invalid FREQ value, must be >= 0 and <= 255');
    } else fail(SYNTAX_ERROR);
  }
  return o;
}

/**
 * RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f], in restoreCommand's order: options,
 * BUSYKEY, the TTL, the payload's version and checksum, its content; a TTL already past deletes the key
 * (with REPLACE) and stores nothing.
 */
const restore = command('restore', -4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => {
  const options = restoreOptions(args);
  const db = ctx.db as Database;
  const key = toBytes(args[1]!);
  if (!options.replace && db.get(key) !== undefined) fail('BUSYKEY Target key name already exists.');
  let ttl = integerArg(args[2]!);
  if (ttl < 0n) fail('ERR Invalid TTL value, must be >= 0');
  const payload = args[3]!;
  if (!payloadIsValid(payload)) fail('ERR DUMP payload version or checksum are wrong');
  let value: RedisValue;
  try {
    value = restoreValue(payload);
  } catch (err) {
    if (err instanceof BadFormat) fail('ERR Bad data format');
    throw err;
  }
  if (options.replace) db.delete(key);
  if (ttl !== 0n && !options.absttl) ttl += BigInt(ctx.now);
  if (ttl !== 0n && ttl <= BigInt(ctx.now)) return OK;
  db.set(key, value);
  if (ttl !== 0n) db.setExpire(key, Number(ttl));
  restoredAccess(internals(ctx).engine, db, key, options.idle, options.freq);
  return OK;
});

export const dumpCommands: CommandSpec[] = [dump, restore];

