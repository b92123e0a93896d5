import { integer, type RespReply } from '../../resp/types.js';
import { parseInt64 } from '../numbers.js';
import { toBytes, WRONGTYPE, type CommandContext, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { bitfieldCommands } from '../strings/bitfield.js';
import { bitop, bitRange, countBits, findBit, getBit, setBit, type BitOp } from '../strings/bitmap.js';
import { bitOffsetArg } from '../strings/bit-offset.js';
import { ownedString, writeBits } from '../strings/writable-string.js';
import { stringAt } from './string-value.js';

const ZERO = integer(0);
const ONE = integer(1);
const MINUS_ONE = integer(-1);
const BAD_BIT = 'ERR bit is not an integer or out of range';

const setbit = command('setbit', 4, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => {
  const offset = bitOffsetArg(args[2]!);
  const on = parseInt64(args[3]!);
  if (on !== 0n && on !== 1n) fail(BAD_BIT);
  return writeBits(ctx, args[1]!, Math.floor(offset / 8) + 1, (buf, grew) => {
    const was = setBit(buf, offset, Number(on));
    return { reply: was ? ONE : ZERO, changed: grew || was !== Number(on) };
  });
});

const getbit = command('getbit', 3, ['readonly', 'fast'], [1, 1, 1], ({ db }, args) => {
  const offset = bitOffsetArg(args[2]!);
  const s = stringAt(db, toBytes(args[1]!));
  return s !== undefined && getBit(s.value, offset) ? ONE : ZERO;
});

/** BYTE or BIT, any case: true for BIT. */
function unitArg(arg: Buffer): boolean {
  const unit = keyword(arg);
  if (unit !== 'bit' && unit !== 'byte') fail(SYNTAX_ERROR);
  return unit === 'bit';
}

// A missing key answers before the range is looked at, as in Redis 7.0 (BITCOUNT nokey 1 is 0).
const bitcount = command('bitcount', -2, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const s = stringAt(db, toBytes(args[1]!));
  if (s === undefined) return ZERO;
  let start = 0n;
  let end = -1n;
  let inBits = false;
  if (args.length === 4 || args.length === 5) {
    start = integerArg(args[2]!);
    end = integerArg(args[3]!);
    if (start < 0n && end < 0n && start > end) return ZERO;
    if (args.length === 5) inBits = unitArg(args[4]!);
  } else if (args.length !== 2) fail(SYNTAX_ERROR);
  const range = bitRange(s.value.length, start, end, inBits);
  return range === undefined ? ZERO : integer(countBits(s.value, range.from, range.to));
});

const bitpos = command('bitpos', -3, ['readonly'], [1, 1, 1], ({ db }, args) => {
  const bit = integerArg(args[2]!);
  if (bit !== 0n && bit !== 1n) fail('ERR The bit argument must be 1 or 0.');
  const s = stringAt(db, toBytes(args[1]!));
  if (s === undefined) return bit ? MINUS_ONE : ZERO;
  if (args.length > 6) fail(SYNTAX_ERROR);
  const start = args.length > 3 ? integerArg(args[3]!) : 0n;
  const inBits = args.length === 6 && unitArg(args[5]!);
  const endGiven = args.length >= 5;
  const end = endGiven ? integerArg(args[4]!) : -1n;
  const range = bitRange(s.value.length, start, end, inBits);
  if (range === undefined) return MINUS_ONE;
  const found = findBit(s.value, Number(bit), range.from, range.to);
  // No clear bit in the string: the string reads on as zeros past its end, unless the range had an end.
  if (found < 0 && bit === 0n && !endGiven) return integer(s.value.length * 8);
  return integer(found);
});

const BITOPS = new Set(['and', 'or', 'xor', 'not']);

const bitopCommand = command('bitop', -4, ['write', 'denyoom'], [2, -1, 1], (ctx: CommandContext, args): RespReply => {
  const { db } = ctx;
  const op = keyword(args[1]);
  if (!BITOPS.has(op)) fail(SYNTAX_ERROR);
  if (op === 'not' && args.length !== 4) fail('ERR BITOP NOT must be called with a single source key.');
  const sources = args.slice(3).map((arg) => {
    const v = db.get(toBytes(arg));
    if (v !== undefined && v.type !== 'string') fail(WRONGTYPE);
    return v?.value;
  });
  const result = bitop(op as BitOp, sources);
  const dest = toBytes(args[2]!);
  if (result.length > 0) db.set(dest, ownedString(result));
  else db.delete(dest);
  return integer(result.length);
});

/** SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD and BITFIELD_RO. */
export const bitCommands: CommandSpec[] = [setbit, getbit, bitcount, bitpos, bitopCommand, ...bitfieldCommands];
