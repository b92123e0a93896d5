import { array, bulk, integer, NIL, OK, simple, type RespReply } from '../../resp/types.js';
import { globMatch } from '../glob.js';
import type { Database } from '../keyspace.js';
import { fromBytes, toBytes, type CommandSpec, type RedisValue } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { StoredString, storedString } from '../stored-string.js';
import { internals } from '../dispatch.js';
import { objectAccessSubcommands } from './object-access.js';

const ZERO = integer(0);
const ONE = integer(1);

const countKeys = (name: string, flags: string[], act: (db: Database, key: string) => boolean): CommandSpec =>
  command(name, -2, flags, [1, -1, 1], (ctx, args) => {
    const db = ctx.db as Database;
    let n = 0;
    for (let j = 1; j < args.length; j++) if (act(db, toBytes(args[j]!))) n++;
    return integer(n);
  });

const keys = command('keys', 2, ['readonly'], [0, 0, 0], (ctx, args) => {
  const pattern = toBytes(args[1]!);
  const all = pattern === '*';
  const out: RespReply[] = [];
  for (const key of ctx.db.keys()) if (all || globMatch(pattern, key)) out.push(bulk(fromBytes(key)));
  return array(out);
});

/** strtoul as SCAN reads its cursor: digits (after an optional sign), nothing else, no leading space. */
function parseCursor(arg: Buffer): number {
  const text = arg.toString('latin1');
  if (!/^[+-]?\d*$/.test(text) || text.length > 20) fail('ERR invalid cursor');
  const value = text === '' || text === '+' || text === '-' ? 0 : Number(text);
  return value < 0 ? 0 : value;
}

const scan = command('scan', -2, ['readonly'], [0, 0, 0], (ctx, args) => {
  const cursor = parseCursor(args[1]!);
  let count = 10;
  let pattern: string | undefined;
  let type: string | undefined;
  for (let i = 2; i < args.length; ) {
    const opt = keyword(args[i]);
    const more = args.length - i >= 2;
    if (opt === 'count' && more) {
      count = Number(integerArg(args[i + 1]!));
      if (count < 1) fail(SYNTAX_ERROR);
    } else if (opt === 'match' && more) {
      pattern = toBytes(args[i + 1]!);
      if (pattern === '*') pattern = undefined;
    } else if (opt === 'type' && more) {
      type = keyword(args[i + 1]);
    } else fail(SYNTAX_ERROR);
    i += 2;
  }
  const db = ctx.db as Database;
  const step = db.scan(cursor, count);
  const out: RespReply[] = [];
  for (const key of step.keys) {
    if (pattern !== undefined && !globMatch(pattern, key)) continue;
    // As Redis: the pattern first, then the lookup, which deletes an expired key on the way.
    const value = db.get(key);
    if (value === undefined || (type !== undefined && value.type !== type)) continue;
    out.push(bulk(fromBytes(key)));
  }
  return array([bulk(String(step.next)), array(out)]);
});

function rename(nx: boolean): CommandSpec {
  return command(nx ? 'renamenx' : 'rename', 3, ['write', 'fast'], [1, 2, 1], ({ db }, args) => {
    const from = toBytes(args[1]!);
    const to = toBytes(args[2]!);
    const value = db.get(from);
    if (value === undefined) fail('ERR no such key');
    if (from === to) return nx ? ZERO : OK;
    const expire = db.getExpire(from);
    if (db.get(to) !== undefined) {
      if (nx) return ZERO;
      db.delete(to);
    }
    db.set(to, value);
    if (expire !== undefined) db.setExpire(to, expire);
    db.delete(from);
    return nx ? ONE : OK;
  });
}

/** An independent copy of a value (COPY). */
export function cloneValue(v: RedisValue): RedisValue {
  switch (v.type) {
    case 'string':
      // Its own bytes: SETBIT and BITFIELD write a string in place (strings/writable-string.ts).
      return v instanceof StoredString ? v.copy() : storedString(v.value, v.encoding);
    case 'list':
      return { ...v, value: v.value.clone() };
    case 'hash':
      return { ...v, value: new Map(v.value) };
    case 'set':
      return { ...v, value: new Set(v.value) };
    case 'zset':
      if (v.value.clone === undefined) fail("ERR 'COPY' of a sorted set is not available in redis-tutor's built-in engine");
      return { ...v, value: v.value.clone() };
    case 'stream':
      return { ...v, value: v.value.clone() };
  }
}

const copy = command('copy', -3, ['write', 'denyoom'], [1, 2, 1], (ctx, args) => {
  const { engine, client } = internals(ctx);
  let target = ctx.db;
  let replace = false;
  for (let j = 3; j < args.length; j++) {
    const opt = keyword(args[j]);
    if (opt === 'replace') replace = true;
    else if (opt === 'db' && j + 1 < args.length) {
      const index = integerArg(args[j + 1]!);
      if (index < 0n || index >= BigInt(engine.databaseCount)) fail('ERR DB index is out of range');
      target = engine.database(Number(index));
      j++;
    } else fail(SYNTAX_ERROR);
  }
  const from = toBytes(args[1]!);
  const to = toBytes(args[2]!);
  if (target.index === client.dbIndex && from === to) fail('ERR source and destination objects are the same');
  const value = ctx.db.get(from);
  if (value === undefined) return ZERO;
  const expire = ctx.db.getExpire(from);
  if (target.get(to) !== undefined) {
    if (!replace) return ZERO;
    target.delete(to);
  }
  target.set(to, cloneValue(value));
  if (expire !== undefined) target.setExpire(to, expire);
  return ONE;
});

const randomkey = command('randomkey', 1, ['readonly'], [0, 0, 0], (ctx) => {
  const key = (ctx.db as Database).randomKey();
  return key === undefined ? NIL : bulk(fromBytes(key));
});

const type = command('type', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => simple(db.get(toBytes(args[1]!))?.type ?? 'none'));

const objectEncoding = command('object|encoding', 3, ['readonly'], [2, 2, 1], ({ db }, args) => {
  const value = db.get(toBytes(args[2]!));
  return value === undefined ? NIL : bulk(value.encoding);
});

const object: CommandSpec = {
  ...command('object', -2, [], [0, 0, 0], () => fail(SYNTAX_ERROR)),
  subcommands: [objectEncoding, ...objectAccessSubcommands],
};

export const keyCommands: CommandSpec[] = [
  countKeys('del', ['write'], (db, key) => db.delete(key)),
  countKeys('unlink', ['write', 'fast'], (db, key) => db.delete(key)),
  countKeys('exists', ['readonly', 'fast'], (db, key) => db.get(key) !== undefined),
  countKeys('touch', ['readonly', 'fast'], (db, key) => db.get(key) !== undefined),
  keys,
  scan,
  rename(false),
  rename(true),
  copy,
  randomkey,
  type,
  object,
];
