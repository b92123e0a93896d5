import { DENSE, HEADER_SIZE, P, REGISTERS, denseGet, denseSet, encodingOf, invalidateCache } from './format.js';
import { hash64, murmurHash64A } from './murmur.js';
import { CORRUPT, PROMOTE, sparseMergeInto, sparseSet, sparseToDense, sparseWork, type SparseWork } from './sparse.js';

/** Redis's seed for hashing HyperLogLog elements. */
const SEED = 0xadc83b19;

/**
 * Where an element lands, packed in one number (no allocation per element): its register, the hash's
 * low 14 bits (`pattern & 16383`), and the length of the run "000...1" in the remaining 50 bits,
 * counting the 1 (`pattern >>> 14`; 51 when they are all zero).
 */
export function patternOf(element: Uint8Array): number {
  murmurHash64A(element, 0, element.length, SEED);
  const lo = hash64[0]!;
  const hi = hash64[1]!;
  const low = lo >>> P;
  let count: number;
  if (low !== 0) count = 32 - Math.clz32(low & -low);
  else if (hi !== 0) count = 32 - P + 32 - Math.clz32(hi & -hi);
  else count = 64 - P + 1;
  return (count << P) | (lo & (REGISTERS - 1));
}

export const patternIndex = (pattern: number): number => pattern & (REGISTERS - 1);
export const patternCount = (pattern: number): number => pattern >>> P;

/**
 * An HLL value being changed by one command. It copies the stored bytes before the first change (a
 * stored Buffer may be shared by a COPY or a pending reply), so an unchanged HLL is never copied.
 */
export class HllEdit {
  private sparse: SparseWork | undefined;
  private dense: Buffer;
  private owned: boolean;

  constructor(
    bytes: Buffer,
    private readonly maxBytes: number,
  ) {
    this.dense = bytes;
    this.owned = false;
    if (encodingOf(bytes) !== DENSE) this.sparse = sparseWork(bytes);
  }

  get isDense(): boolean {
    return this.sparse === undefined;
  }

  /** Raises register `index` to at least `count`: 1 when it changed, 0 when not, -1 when the HLL is corrupt. */
  set(index: number, count: number): number {
    if (this.sparse !== undefined) {
      const result = sparseSet(this.sparse, index, count, this.maxBytes);
      if (result !== PROMOTE) return result;
      if (!this.toDense()) return CORRUPT;
    }
    if (denseGet(this.dense, HEADER_SIZE, index) >= count) return 0;
    this.own();
    denseSet(this.dense, HEADER_SIZE, index, count);
    return 1;
  }

  /** Converts a sparse HLL to dense: false when it is corrupt. */
  toDense(): boolean {
    if (this.sparse === undefined) return true;
    const dense = sparseToDense(this.sparse.buf, this.sparse.len);
    if (dense === undefined) return false;
    this.sparse = undefined;
    this.dense = dense;
    this.owned = true;
    return true;
  }

  invalidateCache(): void {
    if (this.sparse !== undefined) invalidateCache(this.sparse.buf);
    else {
      this.own();
      invalidateCache(this.dense);
    }
  }

  /** The bytes as they now are (a new Buffer when anything changed). */
  bytes(): Buffer {
    if (this.sparse !== undefined) return Buffer.from(this.sparse.buf.subarray(0, this.sparse.len));
    return this.dense;
  }

  private own(): void {
    if (this.owned) return;
    this.dense = Buffer.from(this.dense);
    this.owned = true;
  }
}

/** max[i] = MAX(max[i], register i) over a valid HLL's registers; false when a sparse one is corrupt. */
export function mergeInto(max: Uint8Array, bytes: Uint8Array): boolean {
  if (encodingOf(bytes) !== DENSE) return sparseMergeInto(max, bytes);
  for (let i = 0; i < REGISTERS; i++) {
    const value = denseGet(bytes, HEADER_SIZE, i);
    if (value > max[i]!) max[i] = value;
  }
  return true;
}
