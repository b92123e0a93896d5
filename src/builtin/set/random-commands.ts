import { array, NIL } from '../../resp/types.js';
import { bulks, latin1Bulk, setReply, type Reply } from '../reply.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg, positiveArg } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { distinct, pickRandom, randomIndex } from '../util/random-pick.js';
import { command } from '../util/spec.js';
import { afterWrite } from '../util/typed.js';
import { membersInOrder, setAt, setOf } from './set-value.js';

const LONG_MAX = 2n ** 63n - 1n;
const text = (s: string): Reply => latin1Bulk(s);

const spop = command('spop', -2, ['write', 'fast'], [1, 1, 1], ({ db }, args) => {
  if (args.length > 3) fail(SYNTAX_ERROR);
  const key = toBytes(args[1]!);
  if (args.length === 2) {
    const set = setAt(db, key);
    if (set === undefined) return NIL;
    const member = [...set.value][randomIndex(set.value.size)]!;
    set.value.delete(member);
    afterWrite(db, key, set.value.size);
    return text(member);
  }
  const count = positiveArg(args[2]!, 'ERR value is out of range, must be positive');
  const set = setAt(db, key);
  // A set in RESP3 whatever the count (SRANDMEMBER answers an array).
  if (set === undefined || count === 0) return setReply([]);
  // All of it: Redis answers through SUNION, so in the order of a set rebuilt from the members.
  if (count >= set.value.size) {
    db.delete(key);
    return setReply(membersInOrder(setOf(set.value)).map(text));
  }
  const popped = distinct([...set.value], count);
  for (const m of popped) set.value.delete(m);
  afterWrite(db, key, set.value.size);
  return setReply(popped.map(text));
});

const srandmember = command('srandmember', -2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  if (args.length > 3) fail(SYNTAX_ERROR);
  const key = toBytes(args[1]!);
  if (args.length === 2) {
    const set = setAt(db, key);
    return set === undefined ? NIL : text([...set.value][randomIndex(set.value.size)]!);
  }
  const l = integerArg(args[2]!);
  if (l < -LONG_MAX) fail(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
  const set = setAt(db, key);
  if (set === undefined || l === 0n) return array([]);
  return bulks(pickRandom(membersInOrder(set), l, (all) => all));
});

export const randomCommands: CommandSpec[] = [spop, srandmember];
