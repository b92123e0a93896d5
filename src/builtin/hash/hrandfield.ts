import { bulk, NIL, type RespReply } from '../../resp/types.js';
import { arrayOf, pairs, type Reply } from '../reply.js';
import { fromBytes, toBytes } from '../types.js';
import { pickRandom, randomCountArgs, randomIndex } from '../util/random-pick.js';
import { command } from '../util/spec.js';
import { hashAt } from './hash-value.js';

const text = (s: string): RespReply => bulk(fromBytes(s));

/**
 * HRANDFIELD key [count [WITHVALUES]]. A count at least the hash's size returns the whole hash in its
 * order (deterministic, as in Redis); smaller counts pick distinct fields at random; a negative count
 * may repeat fields.
 */
export const hrandfield = command('hrandfield', -2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const key = toBytes(args[1]!);
  if (args.length === 2) {
    const hash = hashAt(db, key);
    if (hash === undefined) return NIL;
    return text([...hash.value.keys()][randomIndex(hash.value.size)]!);
  }
  const { count, withExtra: withValues } = randomCountArgs(args, 'withvalues');
  const hash = hashAt(db, key);
  if (hash === undefined || count === 0n) return arrayOf([]);
  const out: Reply[] = [];
  for (const [f, v] of pickRandom([...hash.value], count, (all) => all)) {
    out.push(text(f));
    if (withValues) out.push(text(v));
  }
  return withValues ? pairs(out) : arrayOf(out);
});
