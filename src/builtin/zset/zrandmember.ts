import { array, bulk, NIL, type RespReply } from '../../resp/types.js';
import { fromBytes, toBytes } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { formatDouble } from '../util/format-double.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { checkRepeatedPicks } from '../util/repeat-limit.js';
import { command } from '../util/spec.js';
import type { ZEntry } from './sorted-set.js';
import { zsetAt } from './zset-value.js';

const LONG_MAX = 2n ** 63n - 1n;
const randomIndex = (n: number): number => Math.floor(Math.random() * n);

/** ZRANDMEMBER key [count [WITHSCORES]]: as HRANDFIELD, but a count at least the size answers all, highest rank first. */
export const zrandmember = command('zrandmember', -2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  if (args.length === 2) {
    const z = zsetAt(db, key);
    return z === undefined ? NIL : bulk(fromBytes(z.value.at(randomIndex(z.value.size)).member));
  }
  const l = integerArg(args[2]!);
  if (l < -LONG_MAX) fail(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
  if (args.length > 4 || (args.length === 4 && keyword(args[3]) !== 'withscores')) fail(SYNTAX_ERROR);
  const withScores = args.length === 4;
  if (withScores && (l < -LONG_MAX / 2n || l > LONG_MAX / 2n)) fail('ERR value is out of range');
  const z = zsetAt(db, key);
  if (z === undefined || l === 0n) return array([]);
  const entries = [...z.value];
  let picked: ZEntry[];
  if (l < 0n || l === 1n) {
    const n = Number(l < 0n ? -l : l);
    checkRepeatedPicks(n);
    picked = Array.from({ length: n }, () => entries[randomIndex(entries.length)]!);
  } else if (l >= BigInt(entries.length)) {
    // All of it: Redis 7.0 walks the sorted set from the highest rank down (asked, both encodings).
    picked = entries.reverse();
  } else {
    for (let i = entries.length - 1; i > 0; i--) {
      const j = randomIndex(i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    picked = entries.slice(0, Number(l));
  }
  const out: RespReply[] = [];
  for (const e of picked) {
    out.push(bulk(fromBytes(e.member)));
    if (withScores) out.push(bulk(formatDouble(e.score)));
  }
  return array(out);
});
