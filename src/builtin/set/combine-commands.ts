import { bulk, integer, type RespReply } from '../../resp/types.js';
import { setReply, type Reply } from '../reply.js';
import { fromBytes, toBytes, type Bytes, type CommandSpec, type Keyspace } from '../types.js';
import { keyword, positiveArg, integerArg } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { membersInOrder, setAt, setOf, type SetValue } from './set-value.js';
import { storeResult } from '../util/typed.js';

const text = (s: string): RespReply => bulk(fromBytes(s));

/** Every key's set (undefined when missing); WRONGTYPE for any key of another type, checked first. */
function loadSets(db: Keyspace, keys: Buffer[]): Array<SetValue | undefined> {
  return keys.map((k) => setAt(db, toBytes(k)));
}

/**
 * SINTER's walk: the smallest set's members in its iteration order, kept when every other set has them
 * (Redis sorts the inputs by size first, so the result comes in the smallest set's order).
 */
function intersect(sets: SetValue[], limit = 0): Bytes[] {
  const bySize = sets.map((s, i) => [s, i] as const).sort((a, b) => a[0].value.size - b[0].value.size || a[1] - b[1]).map(([s]) => s);
  const [first, ...rest] = bySize;
  const out: Bytes[] = [];
  for (const m of membersInOrder(first!)) {
    if (rest.every((s) => s.value.has(m))) {
      out.push(m);
      if (limit > 0 && out.length >= limit) break;
    }
  }
  return out;
}

function union(sets: Array<SetValue | undefined>): Set<Bytes> {
  const out = new Set<Bytes>();
  for (const s of sets) if (s !== undefined) for (const m of membersInOrder(s)) out.add(m);
  return out;
}

function difference(sets: Array<SetValue | undefined>): Set<Bytes> {
  const [first, ...rest] = sets;
  const out = new Set<Bytes>();
  if (first === undefined) return out;
  for (const m of membersInOrder(first)) if (!rest.some((s) => s?.value.has(m))) out.add(m);
  return out;
}

/** Stores a result set at `key` (replacing whatever was there), or deletes `key` when it is empty. */
function store(db: Keyspace, key: Bytes, members: Iterable<Bytes>): RespReply {
  const set = setOf(members);
  return storeResult(db, key, set, set.value.size);
}

const sinter = command('sinter', -2, ['readonly'], [1, -1, 1], ({ db }, args) => {
  const sets = loadSets(db, args.slice(1));
  if (sets.some((s) => s === undefined)) return setReply([]);
  return setReply(intersect(sets as SetValue[]).map(text));
});

const sinterstore = command('sinterstore', -3, ['write', 'denyoom'], [1, -1, 1], ({ db }, args) => {
  const sets = loadSets(db, args.slice(2));
  const members = sets.some((s) => s === undefined) ? [] : intersect(sets as SetValue[]);
  return store(db, toBytes(args[1]!), members);
});

const sintercard = command('sintercard', -3, ['readonly'], [2, -1, 1], ({ db }, args) => {
  const numkeys = integerArg(args[1]!, 'ERR numkeys should be greater than 0');
  if (numkeys < 1n) fail('ERR numkeys should be greater than 0');
  if (numkeys > BigInt(args.length - 2)) fail("ERR Number of keys can't be greater than number of args");
  const n = Number(numkeys);
  let limit = 0;
  for (let j = 2 + n; j < args.length; j++) {
    if (keyword(args[j]) === 'limit' && j + 1 < args.length) limit = positiveArg(args[++j]!, "ERR LIMIT can't be negative");
    else fail(SYNTAX_ERROR);
  }
  const sets = loadSets(db, args.slice(2, 2 + n));
  if (sets.some((s) => s === undefined)) return integer(0);
  return integer(intersect(sets as SetValue[], limit).length);
});

/** SUNION and SDIFF answer from a set rebuilt from the result, so an all-integer result comes sorted. */
const reply = (members: Set<Bytes>): Reply => setReply(membersInOrder(setOf(members)).map(text));

const sunion = command('sunion', -2, ['readonly'], [1, -1, 1], ({ db }, args) => reply(union(loadSets(db, args.slice(1)))));
const sdiff = command('sdiff', -2, ['readonly'], [1, -1, 1], ({ db }, args) => reply(difference(loadSets(db, args.slice(1)))));
const sunionstore = command('sunionstore', -3, ['write', 'denyoom'], [1, -1, 1], ({ db }, args) => store(db, toBytes(args[1]!), union(loadSets(db, args.slice(2)))));
const sdiffstore = command('sdiffstore', -3, ['write', 'denyoom'], [1, -1, 1], ({ db }, args) => store(db, toBytes(args[1]!), difference(loadSets(db, args.slice(2)))));

export const combineCommands: CommandSpec[] = [sinter, sinterstore, sintercard, sunion, sdiff, sunionstore, sdiffstore];
