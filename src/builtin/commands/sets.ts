import { bulk, type RespReply } from '../../resp/types.js';
import { arrayOf, integer, setReply } from '../reply.js';
import { combineCommands } from '../set/combine-commands.js';
import { randomCommands } from '../set/random-commands.js';
import { addMember, membersInOrder, newSet, setAt } from '../set/set-value.js';
import { fromBytes, toBytes, type CommandSpec } from '../types.js';
import { argLatin1 } from '../latin1.js';
import { EMPTY_SCAN, parseCursor, parseScanOptions, scanStep } from '../util/scan.js';
import { command } from '../util/spec.js';
import { afterWrite, lookup, removeEach } from '../util/typed.js';

const text = (s: string): RespReply => bulk(fromBytes(s));

const sadd = command('sadd', -3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  let set = setAt(db, key);
  if (set === undefined) db.set(key, (set = newSet(argLatin1(args[2]!))));
  let added = 0;
  // By index, without an array of the members; latin1, not toBytes: a member is no key (info/lookups.ts).
  for (let j = 2; j < args.length; j++) if (addMember(set, argLatin1(args[j]!))) added++;
  if (added > 0) db.touched(key);
  return integer(added);
});

const srem = command('srem', -3, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const set = setAt(db, key);
  if (set === undefined) return integer(0);
  return removeEach(db, key, args.slice(2), (m) => set.value.delete(m), () => set.value.size);
});

const smembers = command('smembers', 2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const set = setAt(db, toBytes(args[1]!));
  return setReply(set === undefined ? [] : membersInOrder(set).map(text));
});

const sismember = command('sismember', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(setAt(db, toBytes(args[1]!))?.value.has(toBytes(args[2]!)) ? 1 : 0));

const smismember = command('smismember', -3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const set = setAt(db, toBytes(args[1]!));
  return arrayOf(args.slice(2).map((m) => integer(set?.value.has(toBytes(m)) ? 1 : 0)));
});

const scard = command('scard', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(setAt(db, toBytes(args[1]!))?.value.size ?? 0));

const smove = command('smove', 4, ['write', 'fast'], [1, 2, 1], ({ db }, args) => {
  const source = toBytes(args[1]!);
  const destination = toBytes(args[2]!);
  const member = toBytes(args[3]!);
  const from = setAt(db, source);
  if (from === undefined) return integer(0);
  let to = lookup(db, destination, 'set');
  if (source === destination) return integer(from.value.has(member) ? 1 : 0);
  if (!from.value.delete(member)) return integer(0);
  afterWrite(db, source, from.value.size);
  if (to === undefined) db.set(destination, (to = newSet(member)));
  if (addMember(to, member)) db.touched(destination);
  return integer(1);
});

const sscan = command('sscan', -3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const cursor = parseCursor(args[2]!);
  const set = setAt(db, toBytes(args[1]!));
  if (set === undefined) return EMPTY_SCAN;
  const options = parseScanOptions(args, 3);
  return scanStep(membersInOrder(set).map((m) => [m]), cursor, options, set.encoding === 'intset');
});

export const commands: CommandSpec[] = [sadd, srem, smembers, sismember, smismember, scard, smove, sscan, ...randomCommands, ...combineCommands];
