import { array, integer, NIL, NIL_ARRAY, OK } from '../../resp/types.js';
import { listAt, listTouched, listWritten, newList, pop } from '../list/list-value.js';
import { lpos } from '../list/lpos.js';
import { moveCommands } from '../list/moves.js';
import { mpopCommands } from '../list/mpop.js';
import { toBytes, type CommandSpec } from '../types.js';
import { argLatin1 } from '../latin1.js';
import { integerArg, keyword, longArg, positiveArg } from '../util/args.js';
import { inclusiveRange, singleIndex } from '../util/range.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { afterWrite } from '../util/typed.js';
import { arrayOf, bulks, integer as intReply, latin1Bulk, type Reply } from '../reply.js';

const element = (s: string): Reply => latin1Bulk(s);

function pushCommand(name: string, left: boolean, onlyIfExists: boolean): CommandSpec {
  return command(name, -3, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
    const key = toBytes(args[1]!);
    let list = listAt(db, key);
    if (list === undefined && onlyIfExists) return integer(0);
    if (list === undefined) {
      list = newList();
      db.set(key, list);
    }
    const deque = list.value;
    for (let j = 2; j < args.length; j++) {
      // latin1, not toBytes: an element is no key, so no read of it follows (info/lookups.ts).
      if (left) deque.unshift(argLatin1(args[j]!));
      else deque.push(argLatin1(args[j]!));
    }
    listTouched(db, key, list);
    // reply.ts's integer: the length as a number, not resp/types.ts's BigInt the writer turned back.
    return intReply(deque.length);
  });
}

function popCommand(name: string, left: boolean): CommandSpec {
  return command(name, -2, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
    if (args.length > 3) fail(`ERR wrong number of arguments for '${name}' command`);
    const hasCount = args.length === 3;
    const count = hasCount ? positiveArg(args[2]!, 'ERR value is out of range, must be positive') : 1;
    const key = toBytes(args[1]!);
    const list = listAt(db, key);
    if (list === undefined) return hasCount ? NIL_ARRAY : NIL;
    if (!hasCount) return element(pop(db, key, list, left));
    if (count === 0) return array([]);
    const taken: string[] = [];
    while (taken.length < count && list.value.length > 0) taken.push((left ? list.value.shift() : list.value.pop())!);
    listWritten(db, key, list);
    return arrayOf(taken.map(element));
  });
}

const lrange = command('lrange', 4, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const start = longArg(args[2]!);
  const end = longArg(args[3]!);
  const list = listAt(db, toBytes(args[1]!));
  const range = list && inclusiveRange(start, end, list.value.length);
  return bulks(range ? list!.value.slice(range[0], range[1]) : []);
});

const llen = command('llen', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(listAt(db, toBytes(args[1]!))?.value.length ?? 0));

const lindex = command('lindex', 3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const list = listAt(db, toBytes(args[1]!));
  if (list === undefined) return NIL;
  const i = singleIndex(longArg(args[2]!), list.value.length);
  return i === undefined ? NIL : element(list.value.at(i));
});

const lset = command('lset', 4, ['write', 'denyoom'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const list = listAt(db, key) ?? fail('ERR no such key');
  const i = singleIndex(longArg(args[2]!), list.value.length) ?? fail('ERR index out of range');
  list.value.set(i, toBytes(args[3]!));
  db.touched(key);
  return OK;
});

const lrem = command('lrem', 4, ['write'], [1, 1, 1], ({ db }, args) => {
  const count = longArg(args[2]!);
  const key = toBytes(args[1]!);
  const list = listAt(db, key);
  if (list === undefined) return integer(0);
  const target = toBytes(args[3]!);
  const items = list.value;
  const limit = count === 0 ? Infinity : Math.abs(count);
  // The indexes to drop: the first `limit` matches from the head, or from the tail for a negative count.
  const drop = new Set<number>();
  for (let step = 0; step < items.length && drop.size < limit; step++) {
    const i = count >= 0 ? step : items.length - 1 - step;
    if (items.at(i) === target) drop.add(i);
  }
  const removed = drop.size === 0 ? 0 : items.filter((_, i) => !drop.has(i));
  if (removed > 0) afterWrite(db, key, items.length);
  return integer(removed);
});

const ltrim = command('ltrim', 4, ['write'], [1, 1, 1], ({ db }, args) => {
  const start = longArg(args[2]!);
  const end = longArg(args[3]!);
  const key = toBytes(args[1]!);
  const list = listAt(db, key);
  if (list === undefined) return OK;
  const range = inclusiveRange(start, end, list.value.length);
  if (range) list.value.trim(range[0], range[1]);
  else list.value.trim(1, 0);
  afterWrite(db, key, list.value.length);
  return OK;
});

const linsert = command('linsert', 5, ['write', 'denyoom'], [1, 1, 1], ({ db }, args) => {
  const where = keyword(args[2]);
  if (where !== 'before' && where !== 'after') fail(SYNTAX_ERROR);
  const key = toBytes(args[1]!);
  const list = listAt(db, key);
  if (list === undefined) return integer(0);
  const at = list.value.indexOf(toBytes(args[3]!));
  if (at < 0) return integer(-1);
  list.value.insert(where === 'before' ? at : at + 1, toBytes(args[4]!));
  db.touched(key);
  return integer(list.value.length);
});

const lposCommand = command('lpos', -3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  let rank = 1;
  let count: number | undefined;
  let maxlen = 0;
  for (let j = 3; j < args.length; j++) {
    const option = keyword(args[j]);
    const hasValue = j + 1 < args.length;
    if (option === 'rank' && hasValue) {
      rank = Number(integerArg(args[++j]!));
      if (rank === 0) fail('ERR RANK can\'t be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list');
    } else if (option === 'count' && hasValue) {
      count = positiveArg(args[++j]!, "ERR COUNT can't be negative");
    } else if (option === 'maxlen' && hasValue) {
      maxlen = positiveArg(args[++j]!, "ERR MAXLEN can't be negative");
    } else {
      fail(SYNTAX_ERROR);
    }
  }
  const list = listAt(db, toBytes(args[1]!));
  if (list === undefined) return count === undefined ? NIL : array([]);
  const found = lpos(list.value, toBytes(args[2]!), { rank, count: count ?? 1, maxlen });
  if (count === undefined) return found.length > 0 ? integer(found[0]!) : NIL;
  return array(found.map((i) => integer(i)));
});

export const commands: CommandSpec[] = [
  pushCommand('lpush', true, false),
  pushCommand('rpush', false, false),
  pushCommand('lpushx', true, true),
  pushCommand('rpushx', false, true),
  popCommand('lpop', true),
  popCommand('rpop', false),
  lrange,
  llen,
  lindex,
  lset,
  lrem,
  ltrim,
  linsert,
  lposCommand,
  ...moveCommands,
  ...mpopCommands,
];
