import { integer, NIL } from '../../resp/types.js';
import { arrayOf, double, type Reply } from '../reply.js';
import { toBytes, type CommandSpec } from '../types.js';
import { formatDouble } from '../util/format-double.js';
import { fail } from '../util/reply-error.js';
import { EMPTY_SCAN, parseCursor, parseScanOptions, scanStep } from '../util/scan.js';
import { command } from '../util/spec.js';
import { removeEach } from '../util/typed.js';
import { popCommands } from '../zset/pop-commands.js';
import { zrandmember } from '../zset/zrandmember.js';
import { rangeCommands } from '../zset/range-commands.js';
import { parseScoreRange } from '../zset/ranges.js';
import { byScore } from '../zset/query.js';
import { storeCommands } from '../zset/store-commands.js';
import { zadd } from '../zset/zadd.js';
import { zsetAt } from '../zset/zset-value.js';

const score = (s: number | undefined): Reply => (s === undefined ? NIL : double(s));

const zaddCommand = command('zadd', -4, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => zadd(ctx, args, false));
const zincrby = command('zincrby', 4, ['write', 'denyoom', 'fast'], [1, 1, 1], (ctx, args) => zadd(ctx, args, true));

const zscore = command('zscore', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => score(zsetAt(db, toBytes(args[1]!))?.value.score(toBytes(args[2]!))));

const zmscore = command('zmscore', -3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const z = zsetAt(db, toBytes(args[1]!));
  return arrayOf(args.slice(2).map((m) => score(z?.value.score(toBytes(m)))));
});

const zcard = command('zcard', 2, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => integer(zsetAt(db, toBytes(args[1]!))?.value.size ?? 0));

function rankCommand(name: string, reverse: boolean): CommandSpec {
  return command(name, 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
    const z = zsetAt(db, toBytes(args[1]!));
    const rank = z?.value.rank(toBytes(args[2]!));
    if (rank === undefined) return NIL;
    return integer(reverse ? z!.value.size - 1 - rank : rank);
  });
}

const zcount = command('zcount', 4, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const range = parseScoreRange(args[2]!, args[3]!) ?? fail('ERR min or max is not a float');
  const z = zsetAt(db, toBytes(args[1]!));
  return integer(z === undefined ? 0 : byScore(z.value, range, false).length);
});

const zrem = command('zrem', -3, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  const z = zsetAt(db, key);
  if (z === undefined) return integer(0);
  return removeEach(db, key, args.slice(2), (m) => z.value.remove(m), () => z.value.size);
});

const zscan = command('zscan', -3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const cursor = parseCursor(args[2]!);
  const z = zsetAt(db, toBytes(args[1]!));
  if (z === undefined) return EMPTY_SCAN;
  const options = parseScanOptions(args, 3);
  return scanStep([...z.value].map((e) => [e.member, formatDouble(e.score)]), cursor, options, z.encoding === 'listpack');
});

export const commands: CommandSpec[] = [
  zaddCommand,
  zincrby,
  zscore,
  zmscore,
  zcard,
  rankCommand('zrank', false),
  rankCommand('zrevrank', true),
  zcount,
  zrem,
  ...popCommands,
  zscan,
  zrandmember,
  ...rangeCommands,
  ...storeCommands,
];
