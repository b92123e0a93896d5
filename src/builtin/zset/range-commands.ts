import { bulk, integer } from '../../resp/types.js';
import { arrayOf, double, pairs, type Reply } from '../reply.js';
import { fromBytes, toBytes, type CommandSpec } from '../types.js';
import { keyword, longArg } from '../util/args.js';
import { inclusiveRange } from '../util/range.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { afterWrite, storeResult } from '../util/typed.js';
import { byLex, byRank, byScore } from './query.js';
import { parseLexRange, parseScoreRange } from './ranges.js';
import type { ZEntry } from './sorted-set.js';
import { zsetAt, zsetOf } from './zset-value.js';

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

/** Members, or with scores [member, score] pairs (flat in RESP2, nested in RESP3). */
export function entriesReply(entries: ZEntry[], withScores: boolean): Reply {
  const out: Reply[] = [];
  for (const e of entries) {
    out.push(bulk(fromBytes(e.member)));
    if (withScores) out.push(double(e.score));
  }
  return withScores ? pairs(out) : arrayOf(out);
}

/**
 * zrangeGenericCommand: ZRANGE and its older spellings differ only in which of BYSCORE/BYLEX/REV are
 * fixed by the name and which may be given as options; errors come in Redis's order.
 */
function zrange(name: string, fixedType: RangeType, fixedDirection: Direction, store = false): CommandSpec {
  // ZRANGESTORE dst src min max ...: everything one place to the right, and no WITHSCORES.
  const at = store ? 2 : 1;
  const flags = store ? ['write', 'denyoom'] : ['readonly'];
  return command(name, store ? -5 : -4, flags, store ? [1, 2, 1] : [1, 1, 1], ({ db }, args) => {
    let type = fixedType;
    let direction = fixedDirection;
    let withScores = false;
    let offset = 0;
    let limit = -1;
    for (let j = at + 3; j < args.length; j++) {
      const word = keyword(args[j]);
      if (!store && word === 'withscores') withScores = true;
      else if (word === 'limit' && args.length - j - 1 >= 2) {
        offset = longArg(args[j + 1]!);
        limit = longArg(args[j + 2]!);
        j += 2;
      } else if (direction === 'auto' && word === 'rev') direction = 'reverse';
      else if (type === 'auto' && word === 'bylex') type = 'lex';
      else if (type === 'auto' && word === 'byscore') type = 'score';
      else fail(SYNTAX_ERROR);
    }
    if (direction === 'auto') direction = 'forward';
    if (type === 'auto') type = 'rank';
    if (limit !== -1 && type === 'rank') fail('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
    if (withScores && type === 'lex') fail('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
    const reverse = direction === 'reverse';
    // BYSCORE and BYLEX take the range as [max, min] when reversed.
    const [lo, hi] = reverse && type !== 'rank' ? [args[at + 2]!, args[at + 1]!] : [args[at + 1]!, args[at + 2]!];
    let select: (z: NonNullable<ReturnType<typeof zsetAt>>) => ZEntry[];
    if (type === 'rank') {
      const start = longArg(lo);
      const end = longArg(hi);
      select = (z) => byRank(z.value, start, end, reverse);
    } else if (type === 'score') {
      const range = parseScoreRange(lo, hi) ?? fail('ERR min or max is not a float');
      select = (z) => byScore(z.value, range, reverse, { offset, count: limit });
    } else {
      const range = parseLexRange(lo, hi) ?? fail('ERR min or max not valid string range item');
      select = (z) => byLex(z.value, range, reverse, { offset, count: limit });
    }
    const z = zsetAt(db, toBytes(args[at]!));
    const selected = z === undefined ? [] : select(z);
    if (!store) return entriesReply(selected, withScores);
    return storeResult(db, toBytes(args[1]!), zsetOf(selected), selected.length);
  });
}

const zremrangebyrank = command('zremrangebyrank', 4, ['write'], [1, 1, 1], ({ db }, args) => {
  const start = longArg(args[2]!);
  const end = longArg(args[3]!);
  const key = toBytes(args[1]!);
  const z = zsetAt(db, key);
  const range = z && inclusiveRange(start, end, z.value.size);
  if (range === undefined || z === undefined) return integer(0);
  const removed = z.value.removeRange(range[0], range[1]).length;
  afterWrite(db, key, z.value.size);
  return integer(removed);
});

function removeSelected(name: string, parse: (min: Buffer, max: Buffer) => (z: NonNullable<ReturnType<typeof zsetAt>>) => ZEntry[]): CommandSpec {
  return command(name, 4, ['write'], [1, 1, 1], ({ db }, args) => {
    const select = parse(args[2]!, args[3]!);
    const key = toBytes(args[1]!);
    const z = zsetAt(db, key);
    if (z === undefined) return integer(0);
    const selected = select(z);
    for (const e of selected) z.value.remove(e.member);
    if (selected.length > 0) afterWrite(db, key, z.value.size);
    return integer(selected.length);
  });
}

const zremrangebyscore = removeSelected('zremrangebyscore', (min, max) => {
  const range = parseScoreRange(min, max) ?? fail('ERR min or max is not a float');
  return (z) => byScore(z.value, range, false);
});

const zremrangebylex = removeSelected('zremrangebylex', (min, max) => {
  const range = parseLexRange(min, max) ?? fail('ERR min or max not valid string range item');
  return (z) => byLex(z.value, range, false);
});

const zlexcount = command('zlexcount', 4, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const range = parseLexRange(args[2]!, args[3]!) ?? fail('ERR min or max not valid string range item');
  const z = zsetAt(db, toBytes(args[1]!));
  return integer(z === undefined ? 0 : byLex(z.value, range, false).length);
});

export const rangeCommands: CommandSpec[] = [
  zrange('zrange', 'auto', 'auto'),
  zrange('zrevrange', 'rank', 'reverse'),
  zrange('zrangebyscore', 'score', 'forward'),
  zrange('zrevrangebyscore', 'score', 'reverse'),
  zrange('zrangebylex', 'lex', 'forward'),
  zrange('zrevrangebylex', 'lex', 'reverse'),
  zrange('zrangestore', 'auto', 'auto', true),
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
  zlexcount,
];
