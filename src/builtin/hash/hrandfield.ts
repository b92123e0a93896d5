import { array, bulk, NIL, type RespReply } from '../../resp/types.js';
import { fromBytes, toBytes } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { checkRepeatedPicks } from '../util/repeat-limit.js';
import { command } from '../util/spec.js';
import { hashAt } from './hash-value.js';

const LONG_MAX = 2n ** 63n - 1n;
const text = (s: string): RespReply => bulk(fromBytes(s));
const randomIndex = (n: number): number => Math.floor(Math.random() * n);

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
  const l = integerArg(args[2]!);
  if (l < -LONG_MAX) fail(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
  if (args.length > 4 || (args.length === 4 && keyword(args[3]) !== 'withvalues')) fail(SYNTAX_ERROR);
  const withValues = args.length === 4;
  if (withValues && (l < -LONG_MAX / 2n || l > LONG_MAX / 2n)) fail('ERR value is out of range');
  const hash = hashAt(db, key);
  if (hash === undefined || l === 0n) return array([]);
  const entries = [...hash.value];
  let picked: Array<[string, string]>;
  if (l < 0n || l === 1n) {
    const n = Number(l < 0n ? -l : l);
    checkRepeatedPicks(n);
    picked = Array.from({ length: n }, () => entries[randomIndex(entries.length)]!);
  } else if (l >= BigInt(entries.length)) {
    picked = entries;
  } else {
    for (let i = entries.length - 1; i > 0; i--) {
      const j = randomIndex(i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    picked = entries.slice(0, Number(l));
  }
  const out: RespReply[] = [];
  for (const [f, v] of picked) {
    out.push(text(f));
    if (withValues) out.push(text(v));
  }
  return array(out);
});
