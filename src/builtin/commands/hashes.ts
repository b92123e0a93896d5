import { NIL, OK } from '../../resp/types.js';
import { arrayOf, bulks, integer, latin1Bulk, map, type Reply } from '../reply.js';
import { ADDED, hashAt, hashForWrite, putField, RESIZED, setField } from '../hash/hash-value.js';
import { touchedSameSize } from '../keyspace.js';
import { hashIncrementCommands } from '../hash/increments.js';
import { hrandfield } from '../hash/hrandfield.js';
import { toBytes, type CommandSpec } from '../types.js';
import { argLatin1 } from '../latin1.js';
import { fail } from '../util/reply-error.js';
import { EMPTY_SCAN, parseCursor, parseScanOptions, scanStep } from '../util/scan.js';
import { command } from '../util/spec.js';
import { removeEach } from '../util/typed.js';

const text = (s: string | undefined): Reply => (s === undefined ? NIL : latin1Bulk(s));

function hsetCommand(name: 'hset' | 'hmset'): CommandSpec {
  return command(name, -4, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
    if (args.length % 2 === 1) fail(`ERR wrong number of arguments for '${name}' command`);
    const key = toBytes(args[1]!);
    const hash = hashForWrite(db, key);
    const encoding = hash.encoding;
    let created = 0;
    let resized = false;
    for (let j = 2; j < args.length; j += 2) {
      // latin1, not toBytes: fields and values are no keys, so no read of them follows (info/lookups.ts).
      const put = putField(hash, argLatin1(args[j]!), argLatin1(args[j + 1]!));
      if (put === ADDED) created++;
      else if (put === RESIZED) resized = true;
    }
    if (created > 0 || resized || hash.encoding !== encoding) db.touched(key);
    else touchedSameSize(db, key);
    return name === 'hset' ? integer(created) : OK;
  });
}

const hsetnx = command('hsetnx', 4, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const hash = hashForWrite(db, key);
  const field = toBytes(args[2]!);
  if (hash.value.has(field)) return integer(0);
  const value = toBytes(args[3]!);
  setField(hash, field, value);
  db.touched(key);
  return integer(1);
});

const hget = command('hget', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => text(hashAt(db, toBytes(args[1]!))?.value.get(toBytes(args[2]!))));

const hmget = command('hmget', -3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const hash = hashAt(db, toBytes(args[1]!));
  return arrayOf(args.slice(2).map((f) => text(hash?.value.get(toBytes(f)))));
});

const hgetall = command('hgetall', 2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const out: Reply[] = [];
  for (const [f, v] of hashAt(db, toBytes(args[1]!))?.value ?? []) out.push(text(f), text(v));
  return map(out);
});

const hkeys = command('hkeys', 2, ['readonly'], [1, 1, 1], ({ db }, args) => bulks([...(hashAt(db, toBytes(args[1]!))?.value.keys() ?? [])]));

const hvals = command('hvals', 2, ['readonly'], [1, 1, 1], ({ db }, args) => bulks([...(hashAt(db, toBytes(args[1]!))?.value.values() ?? [])]));

const hdel = command('hdel', -3, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const hash = hashAt(db, key);
  if (hash === undefined) return integer(0);
  return removeEach(db, key, args.slice(2), (f) => hash.value.delete(f), () => hash.value.size);
});

const hexists = command('hexists', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(hashAt(db, toBytes(args[1]!))?.value.has(toBytes(args[2]!)) ? 1 : 0));

const hlen = command('hlen', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(hashAt(db, toBytes(args[1]!))?.value.size ?? 0));

const hstrlen = command('hstrlen', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(hashAt(db, toBytes(args[1]!))?.value.get(toBytes(args[2]!))?.length ?? 0));

const hscan = command('hscan', -3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const cursor = parseCursor(args[2]!);
  const hash = hashAt(db, toBytes(args[1]!));
  if (hash === undefined) return EMPTY_SCAN;
  const options = parseScanOptions(args, 3);
  return scanStep([...hash.value], cursor, options, hash.encoding === 'listpack');
});

export const commands: CommandSpec[] = [
  hsetCommand('hset'),
  hsetCommand('hmset'),
  hsetnx,
  hget,
  hmget,
  hgetall,
  hkeys,
  hvals,
  hdel,
  hexists,
  hlen,
  hstrlen,
  hrandfield,
  hscan,
  ...hashIncrementCommands,
];
