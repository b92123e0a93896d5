import { OK, array, bulk, error, integer, simple, type RespReply } from '../../resp/types.js';
import { cacheValid, cachedCard, emptyHll, encodingOf, DENSE, HEADER_SIZE, INVALID_HLL, REGISTERS, denseGet, storeCard } from '../hll/format.js';
import { estimate, histogramOf, rawHistogram } from '../hll/estimate.js';
import { HllEdit, mergeInto, patternCount, patternIndex, patternOf } from '../hll/hll.js';
import { decodeSparse } from '../hll/sparse.js';
import { selfTest } from '../hll/selftest.js';
import { countChanges, hllAt, sparseMaxBytes, storeHll, unshare } from '../hll/stored.js';
import { toBytes, type CommandContext, type CommandSpec } from '../types.js';
import { command } from '../util/spec.js';

const ZERO = integer(0);
const ONE = integer(1);

/** PFADD key [element ...]: 1 when a register changed (or the key was created), else 0. */
function pfadd(ctx: CommandContext, args: Buffer[]): RespReply {
  const key = toBytes(args[1]!);
  const value = hllAt(ctx, key);
  let updated = 0;
  if (value === undefined) updated++;
  else unshare(value);
  const edit = new HllEdit(value?.value ?? emptyHll(), sparseMaxBytes(ctx));
  for (let j = 2; j < args.length; j++) {
    const pattern = patternOf(args[j]!);
    const result = edit.set(patternIndex(pattern), patternCount(pattern));
    if (result === 1) updated++;
    else if (result === -1) {
      // Redis edits in place: what changed before the corruption was met stays, unannounced.
      if (value !== undefined && updated > 0) value.value = edit.bytes();
      return error(INVALID_HLL);
    }
  }
  if (updated === 0) return ZERO;
  edit.invalidateCache();
  storeHll(ctx, key, edit.bytes(), value !== undefined);
  countChanges(ctx, updated);
  return ONE;
}

/** PFCOUNT key: the cached cardinality, or a fresh estimate written back into the header. */
function countOne(ctx: CommandContext, key: string): RespReply {
  const value = hllAt(ctx, key);
  if (value === undefined) return ZERO;
  unshare(value);
  if (cacheValid(value.value)) return integer(cachedCard(value.value));
  const histo = histogramOf(value.value);
  if (histo === undefined) return error(INVALID_HLL);
  const card = estimate(histo);
  const bytes = Buffer.from(value.value);
  storeCard(bytes, card);
  storeHll(ctx, key, bytes, true);
  return integer(card);
}

/** The registers' maximum over every HLL named (missing keys count as empty); dense when any of them is. */
function mergeAll(ctx: CommandContext, keys: Buffer[]): { max: Uint8Array; anyDense: boolean } | RespReply {
  const max = new Uint8Array(REGISTERS);
  let anyDense = false;
  for (const arg of keys) {
    const value = hllAt(ctx, toBytes(arg));
    if (value === undefined) continue;
    if (encodingOf(value.value) === DENSE) anyDense = true;
    if (!mergeInto(max, value.value)) return error(INVALID_HLL);
  }
  return { max, anyDense };
}

function pfcount(ctx: CommandContext, args: Buffer[]): RespReply {
  if (args.length === 2) return countOne(ctx, toBytes(args[1]!));
  const merged = mergeAll(ctx, args.slice(1));
  if (!('max' in merged)) return merged;
  return integer(estimate(rawHistogram(merged.max)));
}

/** PFMERGE destkey [sourcekey ...]: the union into destkey (which is one of the sources). */
function pfmerge(ctx: CommandContext, args: Buffer[]): RespReply {
  const merged = mergeAll(ctx, args.slice(1));
  if (!('max' in merged)) return merged;
  const key = toBytes(args[1]!);
  const value = ctx.db.get(key);
  const stored = value?.type === 'string' ? value.value : undefined;
  const edit = new HllEdit(stored ?? emptyHll(), sparseMaxBytes(ctx));
  if (merged.anyDense && !edit.toDense()) return error(INVALID_HLL);
  const { max } = merged;
  for (let j = 0; j < REGISTERS; j++) if (max[j] !== 0) edit.set(j, max[j]!);
  edit.invalidateCache();
  storeHll(ctx, key, edit.bytes(), stored !== undefined);
  return OK;
}

/** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key: Redis's debugging view of an HLL. */
function pfdebug(ctx: CommandContext, args: Buffer[]): RespReply {
  const sub = args[1]!.toString('latin1');
  const key = toBytes(args[2]!);
  const value = hllAt(ctx, key);
  if (value === undefined) return error('ERR The specified key does not exist');
  unshare(value);
  const sparse = encodingOf(value.value) !== DENSE;
  switch (sub.toLowerCase()) {
    case 'getreg': {
      let bytes = value.value;
      if (sparse) {
        const dense = toDense(ctx, key, value.value);
        if (dense === undefined) return error(INVALID_HLL);
        bytes = dense;
      }
      const registers: RespReply[] = new Array<RespReply>(REGISTERS);
      for (let j = 0; j < REGISTERS; j++) registers[j] = integer(denseGet(bytes, HEADER_SIZE, j));
      return array(registers);
    }
    case 'decode':
      if (!sparse) return error('ERR HLL encoding is not sparse');
      return bulk(decodeSparse(value.value));
    case 'encoding':
      return simple(sparse ? 'sparse' : 'dense');
    case 'todense':
      if (!sparse) return ZERO;
      return toDense(ctx, key, value.value) === undefined ? error(INVALID_HLL) : ONE;
    default:
      return error(`ERR Unknown PFDEBUG subcommand '${sub}'`);
  }
}

/** Stores the dense form of a sparse HLL (PFDEBUG GETREG and TODENSE); undefined when it is corrupt. */
function toDense(ctx: CommandContext, key: string, bytes: Buffer): Buffer | undefined {
  const edit = new HllEdit(bytes, sparseMaxBytes(ctx));
  if (!edit.toDense()) return undefined;
  const dense = edit.bytes();
  storeHll(ctx, key, dense, true);
  return dense;
}

export const hyperloglogCommands: CommandSpec[] = [
  command('pfadd', -2, ['write', 'denyoom', 'fast'], [1, 1, 1], pfadd),
  command('pfcount', -2, ['readonly'], [1, -1, 1], pfcount),
  command('pfmerge', -2, ['write', 'denyoom'], [1, -1, 1], pfmerge),
  command('pfdebug', 3, ['write', 'denyoom', 'admin'], [2, 2, 1], pfdebug),
  command('pfselftest', 1, ['admin'], [0, 0, 0], (ctx) => selfTest(sparseMaxBytes(ctx))),
];
