import { DENSE, HEADER_SIZE, Q, REGISTERS, encodingOf } from './format.js';
import { sparseHistogram } from './sparse.js';

/**
 * The cardinality estimate Redis 7 computes from the histogram of register values: Otmar Ertl's
 * improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
 * arXiv:1702.01284), step for step in doubles as hyperloglog.c's hllCount, so the integers match.
 */

/** 0.5 / ln(2) */
const ALPHA_INF = 0.72134752044448170368;

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let previous: number;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (previous !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let previous: number;
  do {
    x = Math.sqrt(x);
    previous = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (previous !== z);
  return z / 3;
}

/** The estimate from `histo[v]` = how many registers hold v (64 slots). */
export function estimate(histo: readonly number[]): number {
  const m = REGISTERS;
  let z = m * tau((m - histo[Q + 1]!) / m);
  for (let j = Q; j >= 1; j--) {
    z += histo[j]!;
    z *= 0.5;
  }
  z += m * sigma(histo[0]! / m);
  // llroundl: halves away from zero (the value is never negative).
  return Math.round((ALPHA_INF * m * m) / z);
}

export const emptyHistogram = (): number[] => new Array<number>(64).fill(0);

/** The histogram of a valid HLL's registers; undefined when a sparse one does not cover 16384 registers. */
export function histogramOf(bytes: Uint8Array): number[] | undefined {
  const histo = emptyHistogram();
  if (encodingOf(bytes) === DENSE) {
    for (let i = 0, p = HEADER_SIZE; i < REGISTERS; i += 4, p += 3) {
      const b0 = bytes[p]!;
      const b1 = bytes[p + 1]!;
      const b2 = bytes[p + 2]!;
      histo[b0 & 63]!++;
      histo[((b0 >> 6) | (b1 << 2)) & 63]!++;
      histo[((b1 >> 4) | (b2 << 4)) & 63]!++;
      histo[b2 >> 2]!++;
    }
    return histo;
  }
  return sparseHistogram(bytes, bytes.length, histo) ? histo : undefined;
}

/** The histogram of plain byte registers (PFCOUNT of several keys merges into these). */
export function rawHistogram(registers: Uint8Array): number[] {
  const histo = emptyHistogram();
  for (let i = 0; i < REGISTERS; i++) histo[registers[i]!]!++;
  return histo;
}
