import { describe, expect, it } from 'vitest';
import { countBits, findBit } from '../../src/builtin/strings/bitmap.js';
import { Rng } from './random/rng.js';

// countBits and findBit read long runs as aligned 32-bit words: checked here against a bit-by-bit reading
// over buffers at every alignment (subarrays of a larger buffer) and ranges of every shape. The replies
// themselves are compared with a real Redis by corpus/bits.txt and random/bits.gen.ts.
const bitAt = (buf: Buffer, pos: number) => (buf[pos >> 3]! >> (7 - (pos & 7))) & 1;

function naiveCount(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let pos = from; pos <= to; pos++) n += bitAt(buf, pos);
  return n;
}

function naiveFind(buf: Buffer, bit: number, from: number, to: number): number {
  for (let pos = from; pos <= to; pos++) if (bitAt(buf, pos) === bit) return pos;
  return -1;
}

describe('bitmap word reads', () => {
  it('count and find as a bit-by-bit reading does, at any alignment and range', () => {
    const r = new Rng(14);
    for (let round = 0; round < 3000; round++) {
      const backing = Buffer.alloc(r.int(1, 90));
      // Mostly runs of one byte value, so long stretches of zeros and ones are skipped word by word.
      const fill = r.pick([0, 0xff, -1]);
      for (let i = 0; i < backing.length; i++) backing[i] = fill >= 0 && r.chance(0.97) ? fill : r.int(0, 255);
      const offset = r.int(0, Math.min(7, backing.length - 1));
      const buf = backing.subarray(offset, r.int(offset + 1, backing.length));
      const bits = buf.length * 8;
      const from = r.int(0, bits - 1);
      const to = r.int(from, bits - 1);
      expect(countBits(buf, from, to)).toBe(naiveCount(buf, from, to));
      expect(findBit(buf, 1, from, to)).toBe(naiveFind(buf, 1, from, to));
      expect(findBit(buf, 0, from, to)).toBe(naiveFind(buf, 0, from, to));
    }
  });
});
