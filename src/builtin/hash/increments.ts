import { Buffer } from 'node:buffer';
import { bulk, integer } from '../../resp/types.js';
import { addLongDouble, formatLongDouble, parseLongDouble, type LongDouble } from '../long-double.js';
import { parseInt64 } from '../numbers.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg } from '../util/args.js';
import { fail, NOT_FLOAT } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { hashForWrite, setField } from './hash-value.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const ZERO: LongDouble = { neg: false, m: 0n, e: 0 };

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

/** Computed in an exact emulation of Redis's x87 long double, printed as "%.17Lf" trimmed (../long-double.ts). */
const hincrbyfloat = command('hincrbyfloat', 4, ['write', 'denyoom', 'fast'], [1, 1, 1], ({ db }, args) => {
  const increment = parseLongDouble(args[3]!.toString('latin1')) ?? fail(NOT_FLOAT);
  if (increment.inf) fail('ERR value is NaN or Infinity');
  const key = toBytes(args[1]!);
  const hash = hashForWrite(db, key);
  const field = toBytes(args[2]!);
  const current = hash.value.get(field);
  const old = current === undefined ? ZERO : (parseLongDouble(current) ?? fail('ERR hash value is not a float'));
  const sum = addLongDouble(old, increment) ?? fail('ERR increment would produce NaN or Infinity');
  const printed = formatLongDouble(sum);
  setField(hash, field, printed);
  db.touched(key);
  return bulk(Buffer.from(printed, 'latin1'));
});

export const hashIncrementCommands: CommandSpec[] = [hincrby, hincrbyfloat];
