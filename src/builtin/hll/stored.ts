import { internals } from '../dispatch.js';
import { WRONGTYPE, type Bytes, type CommandContext, type RedisValue } from '../types.js';
import { fail } from '../util/reply-error.js';
import { NOT_HLL, isHll } from './format.js';

export type HllValue = Extract<RedisValue, { type: 'string' }>;

/** Redis's default hll-sparse-max-bytes, for an engine that keeps no configuration. */
const DEFAULT_SPARSE_MAX = 3000;

/** hll-sparse-max-bytes as CONFIG has it: the size (header included) past which a sparse HLL goes dense. */
export function sparseMaxBytes(ctx: CommandContext): number {
  const config = (ctx.engine as { config?: ReadonlyMap<string, string> }).config;
  const text = config?.get('hll-sparse-max-bytes');
  return text === undefined ? DEFAULT_SPARSE_MAX : Number(text);
}

/**
 * The HLL at `key`, undefined when missing. Another type answers WRONGTYPE; a string that is not a valid
 * HLL answers Redis's "not a valid HyperLogLog" error (int-encoded strings included, as Redis has it).
 */
export function hllAt(ctx: CommandContext, key: Bytes): HllValue | undefined {
  const value = ctx.db.get(key);
  if (value === undefined) return undefined;
  if (value.type !== 'string') fail(WRONGTYPE);
  if (value.encoding === 'int' || !isHll(value.value)) fail(NOT_HLL);
  return value;
}

/**
 * Redis unshares the value before reading or writing it in place (PFADD, single-key PFCOUNT, PFDEBUG):
 * a short embstr HLL becomes raw even when nothing else changes.
 */
export function unshare(value: HllValue): void {
  value.encoding = 'raw';
}

/** Stores a changed HLL (the keyspace accounts its memory), keeping the key's TTL when it had one. */
export function storeHll(ctx: CommandContext, key: Bytes, bytes: Buffer, keepTtl: boolean): void {
  ctx.db.set(key, { type: 'string', value: bytes, encoding: 'raw' }, { keepTtl });
}

/** Redis's `dirty` for a command that changed `n` registers (PFADD counts each). */
export function countChanges(ctx: CommandContext, n: number): void {
  internals(ctx).engine.persistence.countElements(n);
}
