import { DENSE, DENSE_SIZE, HEADER_SIZE, REGISTERS, denseSet, invalidateCache } from './format.js';

/**
 * The sparse encoding's run-length opcodes, as Redis writes them byte for byte:
 * ZERO 00xxxxxx (1-64 zero registers), XZERO 01xxxxxx yyyyyyyy (1-16384 zeros), VAL 1vvvvvxx (value
 * 1-32, repeated 1-4 times). An opcode cut short at the end reads the byte after it as 0, as Redis
 * reads its string's terminating NUL.
 */

const VAL_MAX_VALUE = 32;
const VAL_MAX_LEN = 4;
const ZERO_MAX_LEN = 64;

export const isZero = (b: number): boolean => (b & 0xc0) === 0;
export const isXzero = (b: number): boolean => (b & 0xc0) === 0x40;
export const isVal = (b: number): boolean => (b & 0x80) !== 0;
export const zeroLen = (b: number): number => (b & 0x3f) + 1;
export const xzeroLen = (b: number, next: number): number => (((b & 0x3f) << 8) | next) + 1;
export const valValue = (b: number): number => ((b >> 2) & 0x1f) + 1;
export const valLen = (b: number): number => (b & 3) + 1;
const valByte = (value: number, len: number): number => 0x80 | ((value - 1) << 2) | (len - 1);

/** A sparse HLL being edited: `buf[0, len)` is the value; the bytes after `len` are kept zero. */
export interface SparseWork {
  buf: Buffer;
  len: number;
}

export function sparseWork(bytes: Buffer): SparseWork {
  const buf = Buffer.alloc(bytes.length + 64);
  bytes.copy(buf);
  return { buf, len: bytes.length };
}

const at = (bytes: Uint8Array, i: number): number => bytes[i] ?? 0;

/** What `sparseSet` answers besides 0 (unchanged) and 1 (changed): the HLL is corrupt, or must go dense. */
export const CORRUPT = -1;
export const PROMOTE = 2;

/**
 * Raises register `index` to `count` in place (Redis's hllSparseSet up to its promotion): splits the
 * opcode that covers it and merges equal VAL neighbours after. PROMOTE when the value does not fit a
 * VAL opcode or the result would pass `maxBytes` (hll-sparse-max-bytes, header included).
 */
export function sparseSet(w: SparseWork, index: number, count: number, maxBytes: number): number {
  if (count > VAL_MAX_VALUE) return PROMOTE;
  if (w.buf.length < w.len + 4) {
    const bigger = Buffer.alloc(w.len * 2 + 64);
    w.buf.copy(bigger, 0, 0, w.len);
    w.buf = bigger;
  }
  const buf = w.buf;
  let end = w.len;
  let p = HEADER_SIZE;
  let first = 0;
  let prev = -1;
  let span = 0;
  while (p < end) {
    const b = buf[p]!;
    let oplen = 1;
    if (isZero(b)) span = zeroLen(b);
    else if (isVal(b)) span = valLen(b);
    else {
      span = xzeroLen(b, buf[p + 1]!);
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= end) return CORRUPT;
  const op = buf[p]!;
  let next = isXzero(op) ? p + 2 : p + 1;
  if (next >= end) next = -1;
  const runlen = isZero(op) ? zeroLen(op) : isXzero(op) ? xzeroLen(op, buf[p + 1]!) : valLen(op);

  let simple = false;
  if (isVal(op)) {
    if (valValue(op) >= count) return 0;
    if (runlen === 1) simple = true;
  }
  if (isZero(op) && runlen === 1) simple = true;
  if (simple) {
    buf[p] = valByte(count, 1);
  } else {
    const seq: number[] = [];
    const last = first + span - 1;
    const zeros = (len: number): void => {
      if (len > ZERO_MAX_LEN) seq.push(0x40 | ((len - 1) >> 8), (len - 1) & 0xff);
      else seq.push(len - 1);
    };
    if (!isVal(op)) {
      if (index !== first) zeros(index - first);
      seq.push(valByte(count, 1));
      if (index !== last) zeros(last - index);
    } else {
      const current = valValue(op);
      if (index !== first) seq.push(valByte(current, index - first));
      seq.push(valByte(count, 1));
      if (index !== last) seq.push(valByte(current, last - index));
    }
    const delta = seq.length - (isXzero(op) ? 2 : 1);
    if (delta > 0 && w.len + delta > maxBytes) return PROMOTE;
    if (delta !== 0 && next !== -1) buf.copyWithin(next + delta, next, end);
    if (delta < 0) buf.fill(0, end + delta, end);
    w.len += delta;
    end += delta;
    for (let i = 0; i < seq.length; i++) buf[p + i] = seq[i]!;
  }

  // Adjacent VAL opcodes of one value may now merge: up to five opcodes from the one before.
  p = prev === -1 ? HEADER_SIZE : prev;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const b = buf[p]!;
    if (isXzero(b)) {
      p += 2;
      continue;
    }
    if (isZero(b)) {
      p++;
      continue;
    }
    if (p + 1 < end && isVal(buf[p + 1]!)) {
      const v = valValue(b);
      if (v === valValue(buf[p + 1]!)) {
        const len = valLen(b) + valLen(buf[p + 1]!);
        if (len <= VAL_MAX_LEN) {
          buf[p + 1] = valByte(v, len);
          buf.copyWithin(p, p + 1, end);
          buf[end - 1] = 0;
          end--;
          w.len--;
          continue;
        }
      }
    }
    p++;
  }
  invalidateCache(buf);
  return 1;
}

const ZERO_RUN = 0;
const XZERO_RUN = 1;
const VAL_RUN = 2;

/**
 * Walks the opcodes of `sparse[HEADER_SIZE, len)`, calling `visit` with each one's kind, value (0 for
 * the zero runs), first register and run length, and answers how many registers they cover. With
 * `stopAtOverflow`, a VAL run that would pass the last register ends the walk before it, as Redis's
 * conversion and merge do (so they never write past their arrays).
 */
function walk(sparse: Uint8Array, len: number, stopAtOverflow: boolean, visit: (kind: number, value: number, first: number, run: number) => void): number {
  let idx = 0;
  let p = HEADER_SIZE;
  while (p < len) {
    const b = sparse[p]!;
    if (isZero(b)) {
      visit(ZERO_RUN, 0, idx, zeroLen(b));
      idx += zeroLen(b);
      p++;
    } else if (isXzero(b)) {
      const run = xzeroLen(b, at(sparse, p + 1));
      visit(XZERO_RUN, 0, idx, run);
      idx += run;
      p += 2;
    } else {
      const run = valLen(b);
      if (stopAtOverflow && run + idx > REGISTERS) break;
      visit(VAL_RUN, valValue(b), idx, run);
      idx += run;
      p++;
    }
  }
  return idx;
}

/** The dense form of a sparse HLL (header kept, encoding changed), or undefined when it is corrupt. */
export function sparseToDense(sparse: Uint8Array, len: number): Buffer | undefined {
  const dense = Buffer.alloc(DENSE_SIZE);
  dense.set(sparse.subarray(0, HEADER_SIZE));
  dense[4] = DENSE;
  const covered = walk(sparse, len, true, (_kind, value, first, run) => {
    if (value !== 0) for (let i = first; i < first + run; i++) denseSet(dense, HEADER_SIZE, i, value);
  });
  return covered === REGISTERS ? dense : undefined;
}

/** Adds the sparse registers' values to `histo`; false when they do not cover exactly 16384 registers. */
export function sparseHistogram(sparse: Uint8Array, len: number, histo: number[]): boolean {
  return walk(sparse, len, false, (_kind, value, _first, run) => (histo[value]! += run)) === REGISTERS;
}

/** max[i] = MAX(max[i], register i) over a sparse HLL; false when it is corrupt. */
export function sparseMergeInto(max: Uint8Array, sparse: Uint8Array): boolean {
  const covered = walk(sparse, sparse.length, true, (_kind, value, first, run) => {
    for (let i = first; i < first + run; i++) if (value > max[i]!) max[i] = value;
  });
  return covered === REGISTERS;
}

/** PFDEBUG DECODE's text: "z:<n>", "Z:<n>", "v:<value>,<n>" for each opcode, space-separated. */
export function decodeSparse(sparse: Uint8Array): string {
  const parts: string[] = [];
  walk(sparse, sparse.length, false, (kind, value, _first, run) => {
    parts.push(kind === ZERO_RUN ? `z:${run}` : kind === XZERO_RUN ? `Z:${run}` : `v:${value},${run}`);
  });
  return parts.join(' ');
}
