import { Buffer } from 'node:buffer';
import { bulk, integer, NIL, OK, type RespReply } from '../../resp/types.js';
import { addLongDouble, formatLongDouble, parseLongDouble, type LongDouble } from '../long-double.js';
import { inInt64 } from '../numbers.js';
import { internals } from '../dispatch.js';
import { argLatin1 } from '../latin1.js';
import { touchedSameSize } from '../keyspace.js';
import { toBytes, type Bytes, type CommandContext, type CommandSpec, type Keyspace } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, NOT_FLOAT, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { optionExpireAt } from './expire-time.js';
import { encodingOf, intString, MAX_STRING, plainString, rawString, stringAt, stringValue, TOO_LONG, type StringValue } from './string-value.js';
import { setCommands } from './string-set.js';
import { smallInteger, StoredString, stringLength, stringReply } from '../stored-string.js';
import { arrayOf, integer as intReply, type Reply } from '../reply.js';

const lengthOf = (s: StringValue | undefined): number => (s === undefined ? 0 : stringLength(s));

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const NEGATIVE_SAFE = -SAFE;
const KEEP_TTL = { keepTtl: true };
const ZERO = integer(0);
const ONE = integer(1);
const EMPTY = bulk(Buffer.alloc(0));
const ZERO_LD: LongDouble = { neg: false, m: 0n, e: 0 };

const get = command('get', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const s = stringAt(db, toBytes(args[1]!));
  return s === undefined ? NIL : stringReply(s);
});

const getdel = command('getdel', 2, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const s = stringAt(db, key);
  if (s === undefined) return NIL;
  db.delete(key);
  return stringReply(s);
});

const getset = command('getset', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const s = stringAt(db, key);
  // The reply takes the old bytes first: the key's entry takes the new ones in place.
  const old = s === undefined ? NIL : stringReply(s);
  db.set(key, stringValue(args[2]!));
  return old;
});

const getex = command('getex', -2, ['write', 'fast'], [1, 1, 1], (ctx, args) => {
  const { db, now } = ctx;
  let unit: 'ex' | 'px' | 'exat' | 'pxat' | undefined;
  let persist = false;
  let expireArg: Buffer | undefined;
  for (let j = 2; j < args.length; j++) {
    const opt = keyword(args[j]);
    const next = args[j + 1];
    if (opt === 'persist' && unit === undefined) persist = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !persist && (unit === undefined || unit === opt) && next !== undefined) {
      unit = opt;
      expireArg = next;
      j++;
    } else fail(SYNTAX_ERROR);
  }
  const key = toBytes(args[1]!);
  const s = stringAt(db, key);
  if (s === undefined) return NIL;
  if (unit !== undefined) {
    const at = optionExpireAt(expireArg!, unit === 'ex' || unit === 'exat', unit === 'ex' || unit === 'px', now, 'getex');
    if ((unit === 'exat' || unit === 'pxat') && at <= now) db.delete(key);
    else db.setExpire(key, at);
  } else if (persist && db.getExpire(key) !== undefined) {
    db.setExpire(key, undefined);
  }
  return stringReply(s);
});

const mget = command('mget', -2, ['readonly', 'fast'], [1, -1, 1], ({ db }, args) => {
  const out: Reply[] = [];
  for (let j = 1; j < args.length; j++) {
    const v = db.get(toBytes(args[j]!));
    out.push(v !== undefined && v.type === 'string' ? stringReply(v) : NIL);
  }
  return arrayOf(out);
});

function mset(ctx: CommandContext, args: Buffer[], nx: boolean): RespReply {
  const name = nx ? 'msetnx' : 'mset';
  if (args.length % 2 === 0) fail(`ERR wrong number of arguments for '${name}' command`);
  const { db } = ctx;
  if (nx) {
    for (let j = 1; j < args.length; j += 2) if (db.get(toBytes(args[j]!)) !== undefined) return ZERO;
  }
  for (let j = 1; j < args.length; j += 2) {
    const value = args[j + 1]!;
    // latin1, not toBytes: no read of the key follows (info/lookups.ts), so its Buffer need not be remembered.
    db.setString(argLatin1(args[j]!), value, encodingOf(value));
  }
  return nx ? ONE : OK;
}

/** `by` as a number when one holds it exactly, else null. */
const asStep = (by: bigint): number | null => (by > NEGATIVE_SAFE && by < SAFE ? Number(by) : null);

/**
 * Stores INCR's `sum` at `key` as a number (no digits made, none parsed by the next INCR): the held
 * string `s` takes it in place. An int value takes the same memory whatever its digits (memory/
 * value-size.ts), so from int to int only the write's events follow; else the keyspace counts it again.
 */
function storeCount(db: Keyspace, key: Bytes, s: StringValue | undefined, sum: number): void {
  if (!(s instanceof StoredString)) {
    db.set(key, new StoredString(sum, 'int'), KEEP_TTL);
    return;
  }
  const wasInt = s.encoding === 'int';
  s.setInteger(sum);
  if (wasInt) touchedSameSize(db, key);
  else db.set(key, s, KEEP_TTL);
}

/** `step` is `by` as a number (asStep): INCR and DECR pass it, so their arithmetic never touches a BigInt. */
function incrBy(ctx: CommandContext, key: Buffer, by: bigint, step = asStep(by)): Reply {
  const k = toBytes(key);
  const s = stringAt(ctx.db, k);
  // The common case (counters well inside 2^53) in plain numbers; BigInt only near the 64-bit edges.
  const small = s === undefined ? 0 : smallInteger(s);
  if (small !== null && step !== null) {
    const sum = small + step;
    if (Number.isSafeInteger(sum)) {
      storeCount(ctx.db, k, s, sum);
      return intReply(sum);
    }
  }
  let value = 0n;
  if (s !== undefined) {
    const parsed = s.encoding === 'int' ? BigInt(s.value.toString('latin1')) : integerArg(s.value);
    value = parsed;
  }
  const next = value + by;
  if (!inInt64(next)) fail('ERR increment or decrement would overflow');
  ctx.db.set(k, intString(next), { keepTtl: true });
  return intReply(next);
}

const incr = command('incr', 2, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => incrBy(ctx, args[1]!, 1n, 1));
const decr = command('decr', 2, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => incrBy(ctx, args[1]!, -1n, -1));
const incrby = command('incrby', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => incrBy(ctx, args[1]!, integerArg(args[2]!)));
const decrby = command('decrby', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => {
  const by = integerArg(args[2]!);
  if (by === -(2n ** 63n)) fail('ERR decrement would overflow');
  return incrBy(ctx, args[1]!, -by);
});

const incrbyfloat = command('incrbyfloat', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const s = stringAt(db, key);
  const current = s === undefined ? ZERO_LD : parseLongDouble(s.value.toString('latin1'));
  const by = parseLongDouble(args[2]!.toString('latin1'));
  if (current === undefined || by === undefined) fail(NOT_FLOAT);
  const next = addLongDouble(current, by);
  if (next === undefined) fail('ERR increment would produce NaN or Infinity');
  const text = Buffer.from(formatLongDouble(next), 'latin1');
  db.set(key, plainString(text), { keepTtl: true });
  return bulk(text);
});

const append = command('append', 3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const s = stringAt(db, key);
  if (s === undefined) {
    db.set(key, stringValue(args[2]!));
    return integer(args[2]!.length);
  }
  if (s.value.length + args[2]!.length > MAX_STRING) fail(TOO_LONG);
  const value = Buffer.concat([s.value, args[2]!]);
  db.set(key, rawString(value), { keepTtl: true });
  return integer(value.length);
});

const strlen = command('strlen', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(lengthOf(stringAt(db, toBytes(args[1]!)))));

function getrange(ctx: CommandContext, args: Buffer[]): RespReply {
  let start = Number(integerArg(args[2]!));
  let end = Number(integerArg(args[3]!));
  const s = stringAt(ctx.db, toBytes(args[1]!));
  if (s === undefined) return EMPTY;
  const len = s.value.length;
  if (start < 0 && end < 0 && start > end) return EMPTY;
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return EMPTY;
  return bulk(s.value.subarray(start, end + 1));
}

const setrange = command('setrange', 4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => {
  const { db } = ctx;
  const offset = Number(integerArg(args[2]!));
  if (offset < 0) fail('ERR offset is out of range');
  const key = toBytes(args[1]!);
  const piece = args[3]!;
  const s = stringAt(db, key);
  if (s === undefined && piece.length === 0) return ZERO;
  if (s !== undefined && piece.length === 0) return integer(s.value.length);
  if (offset + piece.length > MAX_STRING) fail(TOO_LONG);
  const { engine } = internals(ctx);
  const oldLen = s?.value.length ?? 0;
  const newLen = Math.max(oldLen, offset + piece.length);
  // The cap is checked before a command runs; one SETRANGE must not jump far past it either.
  if (engine.memory.maxBytes > 0 && newLen - oldLen > engine.memory.maxBytes) fail("OOM command not allowed when used memory > 'maxmemory'.");
  const value = Buffer.alloc(newLen);
  if (s !== undefined) s.value.copy(value);
  piece.copy(value, offset);
  db.set(key, rawString(value), { keepTtl: true });
  return integer(newLen);
});

export const stringCommands: CommandSpec[] = [
  get,
  getdel,
  getset,
  getex,
  mget,
  command('mset', -3, ['write', 'denyoom'], [1, -1, 2], (ctx, args) => mset(ctx, args, false)),
  command('msetnx', -3, ['write', 'denyoom'], [1, -1, 2], (ctx, args) => mset(ctx, args, true)),
  incr,
  decr,
  incrby,
  decrby,
  incrbyfloat,
  append,
  strlen,
  command('getrange', 4, ['readonly'], [1, 1, 1], getrange),
  command('substr', 4, ['readonly'], [1, 1, 1], getrange),
  setrange,
  ...setCommands,
];

