import { integer, NIL } from '../../resp/types.js';
import { arrayOf, type Reply } from '../reply.js';
import { parseInt64 } from '../numbers.js';
import { toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { internals } from '../dispatch.js';
import { stringAt } from '../commands/string-value.js';
import { addSigned, addUnsigned, readSigned, readUnsigned, writeField, type Overflow } from './bitfield-math.js';
import { bitOffsetArg } from './bit-offset.js';
import { writeBits } from './writable-string.js';

const BAD_TYPE = 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';
const EMPTY = Buffer.alloc(0);

interface FieldOp {
  op: 'get' | 'set' | 'incrby';
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  overflow: Overflow;
}

/** `i<bits>` (1 to 64) or `u<bits>` (1 to 63); Redis reads the number as a C string, up to a NUL. */
function typeArg(arg: Buffer): { signed: boolean; bits: number } {
  const signed = arg[0] === 0x69;
  if (!signed && arg[0] !== 0x75) fail(BAD_TYPE);
  const nul = arg.indexOf(0, 1);
  const bits = parseInt64(arg.subarray(1, nul < 0 ? arg.length : nul));
  if (bits === null || bits < 1n || bits > (signed ? 64n : 63n)) fail(BAD_TYPE);
  return { signed, bits: Number(bits) };
}

/** The operations in order, every argument checked before any runs (as Redis parses them all first). */
function parseOps(args: Buffer[]): FieldOp[] {
  const ops: FieldOp[] = [];
  let overflow: Overflow = 'wrap';
  for (let j = 2; j < args.length; j++) {
    const left = args.length - j - 1;
    const name = keyword(args[j]);
    if (name === 'overflow' && left >= 1) {
      const kind = keyword(args[++j]);
      if (kind !== 'wrap' && kind !== 'sat' && kind !== 'fail') fail('ERR Invalid OVERFLOW type specified');
      overflow = kind;
      continue;
    }
    if (!((name === 'get' && left >= 2) || ((name === 'set' || name === 'incrby') && left >= 3))) fail(SYNTAX_ERROR);
    const { signed, bits } = typeArg(args[j + 1]!);
    const offset = bitOffsetArg(args[j + 2]!, bits);
    const value = name === 'get' ? 0n : integerArg(args[j + 3]!);
    ops.push({ op: name as FieldOp['op'], signed, bits, offset, value, overflow });
    j += name === 'get' ? 2 : 3;
  }
  return ops;
}

function read(buf: Buffer, f: FieldOp): bigint {
  return f.signed ? readSigned(buf, f.offset, f.bits) : readUnsigned(buf, f.offset, f.bits);
}

/** One SET or INCRBY on the string: the previous value (SET) or the new one (INCRBY); nil on a FAIL. */
function change(buf: Buffer, f: FieldOp): { reply: Reply; wrote: boolean; changed: boolean } {
  const old = read(buf, f);
  const add = f.signed ? addSigned : addUnsigned;
  const next = f.op === 'incrby' ? add(old, f.value, f.bits, f.overflow) : add(f.signed ? f.value : BigInt.asUintN(64, f.value), 0n, f.bits, f.overflow);
  if (next === null) return { reply: NIL, wrote: false, changed: false };
  writeField(buf, f.offset, f.bits, next);
  return { reply: integer(f.op === 'incrby' ? next : old), wrote: true, changed: next !== old };
}

function bitfield(ctx: CommandContext, args: Buffer[], readonly: boolean): Reply {
  const ops = parseOps(args);
  let highest = -1;
  for (const f of ops) if (f.op !== 'get') highest = Math.max(highest, f.offset + f.bits - 1);
  if (highest < 0) {
    const buf = stringAt(ctx.db, toBytes(args[1]!))?.value ?? EMPTY;
    return arrayOf(ops.map((f) => integer(read(buf, f))));
  }
  if (readonly) fail('ERR BITFIELD_RO only supports the GET subcommand');
  // Redis's dirty counts each SET or INCRBY that wrote (not FAIL) and grew the string or changed the field.
  let changes = 0;
  const reply = writeBits(ctx, args[1]!, Math.floor(highest / 8) + 1, (buf, grew) => {
    const replies = ops.map((f) => {
      if (f.op === 'get') return integer(read(buf, f));
      const done = change(buf, f);
      if (done.wrote && (grew || done.changed)) changes++;
      return done.reply;
    });
    return { reply: arrayOf(replies), changed: changes > 0 };
  });
  internals(ctx).engine.persistence.countElements(changes);
  return reply;
}

export const bitfieldCommands: CommandSpec[] = [
  command('bitfield', -2, ['write', 'denyoom'], [1, 1, 1], (ctx, args) => bitfield(ctx, args, false)),
  command('bitfield_ro', -2, ['readonly', 'fast'], [1, 1, 1], (ctx, args) => bitfield(ctx, args, true)),
];
