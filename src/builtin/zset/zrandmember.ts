import { bulk, NIL } from '../../resp/types.js';
import { arrayOf, double, pairs, type Reply } from '../reply.js';
import { fromBytes, toBytes } from '../types.js';
import { pickRandom, randomCountArgs, randomIndex } from '../util/random-pick.js';
import { command } from '../util/spec.js';
import { zsetAt } from './zset-value.js';

/** ZRANDMEMBER key [count [WITHSCORES]]: as HRANDFIELD, but a count at least the size answers all, highest rank first. */
export const zrandmember = command('zrandmember', -2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  if (args.length === 2) {
    const z = zsetAt(db, key);
    return z === undefined ? NIL : bulk(fromBytes(z.value.at(randomIndex(z.value.size)).member));
  }
  const { count, withExtra: withScores } = randomCountArgs(args, 'withscores');
  const z = zsetAt(db, key);
  if (z === undefined || count === 0n) return arrayOf([]);
  const out: Reply[] = [];
  // All of it: Redis 7.0 walks the sorted set from the highest rank down (asked, both encodings).
  for (const e of pickRandom([...z.value], count, (all) => all.reverse())) {
    out.push(bulk(fromBytes(e.member)));
    if (withScores) out.push(double(e.score));
  }
  return withScores ? pairs(out) : arrayOf(out);
});
