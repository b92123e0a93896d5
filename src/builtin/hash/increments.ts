import { bulk, integer } from '../../resp/types.js';
import { formatHumanDouble, parseFloatArg, parseInt64 } from '../numbers.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg } from '../util/args.js';
import { fail, NOT_FLOAT } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { hashForWrite, setField } from './hash-value.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

const hincrby = command('hincrby', 4, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const increment = integerArg(args[3]!);
  const key = toBytes(args[1]!);
  const hash = hashForWrite(db, key);
  const field = toBytes(args[2]!);
  const current = hash.value.get(field);
  const old = current === undefined ? 0n : (parseInt64(Buffer.from(current, 'latin1')) ?? fail('ERR hash value is not an integer'));
  const value = old + increment;
  if (value > INT64_MAX || value < INT64_MIN) fail('ERR increment or decrement would overflow');
  setField(hash, field, value.toString());
  db.touched(key);
  return integer(value);
});

/**
 * Redis adds in long double and prints 17 decimals; this adds doubles and prints them as the core's
 * INCRBYFLOAT does (see formatHumanDouble), the same deviation in the same one place.
 */
const hincrbyfloat = command('hincrbyfloat', 4, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const increment = parseFloatArg(args[3]!) ?? fail(NOT_FLOAT);
  if (!Number.isFinite(increment)) fail('ERR value is NaN or Infinity');
  const key = toBytes(args[1]!);
  const hash = hashForWrite(db, key);
  const field = toBytes(args[2]!);
  const current = hash.value.get(field);
  const old = current === undefined ? 0 : (parseFloatArg(Buffer.from(current, 'latin1')) ?? fail('ERR hash value is not a float'));
  const value = old + increment;
  if (!Number.isFinite(value)) fail('ERR increment would produce NaN or Infinity');
  const printed = formatHumanDouble(value);
  setField(hash, field, printed);
  db.touched(key);
  return bulk(printed);
});

export const hashIncrementCommands: CommandSpec[] = [hincrby, hincrbyfloat];
