import { integer } from '../../resp/types.js';
import { toBytes, type Bytes, type CommandContext, type CommandSpec, type HandlerResult } from '../types.js';
import { doubleArg, integerArg, keyword, positiveArg } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { membersInOrder, type SetValue } from '../set/set-value.js';
import { entriesReply } from './range-commands.js';
import { compareEntries, type ZEntry } from './sorted-set.js';
import { zsetOf, type ZsetValue } from './zset-value.js';
import { storeResult } from '../util/typed.js';

type Op = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input: a sorted set, a plain set (every score 1), or nothing (a missing key). */
interface Source {
  value: ZsetValue | SetValue | undefined;
  weight: number;
}

const size = (s: Source): number => s.value?.value.size ?? 0;

function entriesOf(s: Source): ZEntry[] {
  const v = s.value;
  if (v === undefined) return [];
  if (v.type === 'set') return membersInOrder(v).map((member) => ({ member, score: 1 }));
  return [...v.value];
}

function scoreIn(s: Source, member: Bytes): number | undefined {
  const v = s.value;
  if (v === undefined) return undefined;
  return v.type === 'set' ? (v.value.has(member) ? 1 : undefined) : v.value.score(member);
}

/** zunionInterAggregate: inf + -inf sums to 0, as Redis's convention has it. */
function aggregate(target: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const sum = target + value;
    return Number.isNaN(sum) ? 0 : sum;
  }
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

function weighted(score: number, weight: number): number {
  const w = score * weight;
  return Number.isNaN(w) ? 0 : w;
}

function combine(sources: Source[], op: Op, how: Aggregate): ZEntry[] {
  // Redis sorts the inputs by size first (a stable sort); the order of summation follows it.
  const sorted = op === 'diff' ? sources : [...sources].sort((a, b) => size(a) - size(b));
  const result = new Map<Bytes, number>();
  if (op === 'union') {
    for (const s of sorted) {
      for (const { member, score } of entriesOf(s)) {
        const value = weighted(score, s.weight);
        const prior = result.get(member);
        result.set(member, prior === undefined ? value : aggregate(prior, value, how));
      }
    }
  } else if (op === 'inter') {
    const [first, ...rest] = sorted;
    for (const { member, score } of first && size(first) > 0 ? entriesOf(first) : []) {
      let acc = weighted(score, first!.weight);
      let everywhere = true;
      for (const s of rest) {
        const other = scoreIn(s, member);
        if (other === undefined) {
          everywhere = false;
          break;
        }
        acc = aggregate(acc, other * s.weight, how);
      }
      if (everywhere) result.set(member, acc);
    }
  } else {
    const [first, ...rest] = sorted;
    for (const { member, score } of entriesOf(first!)) {
      if (rest.every((s) => scoreIn(s, member) === undefined)) result.set(member, score);
    }
  }
  return [...result].map(([member, score]) => ({ member, score }));
}

/** zunionInterDiffGenericCommand: numkeys, keys (WRONGTYPE first), then WEIGHTS, AGGREGATE, WITHSCORES. */
function run({ db }: CommandContext, args: Buffer[], op: Op, destination: Buffer | undefined, numkeysAt: number, name: string, countOnly = false): HandlerResult {
  const numkeys = integerArg(args[numkeysAt]!);
  if (numkeys < 1n) fail(`ERR at least 1 input key is needed for '${name}' command`);
  if (numkeys > BigInt(args.length - (numkeysAt + 1))) fail(SYNTAX_ERROR);
  const n = Number(numkeys);
  const sources: Source[] = args.slice(numkeysAt + 1, numkeysAt + 1 + n).map((k) => {
    const value = db.get(toBytes(k));
    if (value !== undefined && value.type !== 'zset' && value.type !== 'set') fail('WRONGTYPE Operation against a key holding the wrong kind of value');
    return { value: value as ZsetValue | SetValue | undefined, weight: 1 };
  });
  let how: Aggregate = 'sum';
  let withScores = false;
  let limit = 0;
  for (let j = numkeysAt + 1 + n; j < args.length; ) {
    const remaining = args.length - j;
    const word = keyword(args[j]);
    if (countOnly) {
      // ZINTERCARD takes LIMIT and nothing else.
      if (word !== 'limit' || remaining < 2) fail(SYNTAX_ERROR);
      limit = positiveArg(args[j + 1]!, "ERR LIMIT can't be negative");
      j += 2;
    } else if (op !== 'diff' && remaining >= n + 1 && word === 'weights') {
      for (let i = 0; i < n; i++) sources[i]!.weight = doubleArg(args[j + 1 + i]!, 'ERR weight value is not a float');
      j += n + 1;
    } else if (op !== 'diff' && remaining >= 2 && word === 'aggregate') {
      const value = keyword(args[j + 1]);
      if (value !== 'sum' && value !== 'min' && value !== 'max') fail(SYNTAX_ERROR);
      how = value;
      j += 2;
    } else if (destination === undefined && word === 'withscores') {
      withScores = true;
      j++;
    } else {
      fail(SYNTAX_ERROR);
    }
  }
  const entries = combine(sources, op, how);
  if (countOnly) return integer(limit > 0 ? Math.min(limit, entries.length) : entries.length);
  if (destination === undefined) return entriesReply(entries.sort(compareEntries), withScores);
  const result = zsetOf(entries);
  return storeResult(db, toBytes(destination), result, result.value.size);
}

const storing = (name: string, op: Op): CommandSpec =>
  command(name, -4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => run(ctx, args, op, args[1]!, 2, name));
const answering = (name: string, op: Op): CommandSpec => command(name, -3, ['readonly'], [0, 0, 0], (ctx, args) => run(ctx, args, op, undefined, 1, name));

const zintercard = command('zintercard', -3, ['readonly'], [0, 0, 0], (ctx, args) => run(ctx, args, 'inter', undefined, 1, 'zintercard', true));

export const storeCommands: CommandSpec[] = [
  zintercard,
  storing('zunionstore', 'union'),
  storing('zinterstore', 'inter'),
  storing('zdiffstore', 'diff'),
  answering('zunion', 'union'),
  answering('zinter', 'inter'),
  answering('zdiff', 'diff'),
];
