/**
 * MurmurHash64A, the 64-bit MurmurHash2 Redis hashes HyperLogLog elements with (endian-neutral: words are
 * read little endian). The 64-bit arithmetic is done on two unsigned 32-bit halves rather than on
 * BigInts (an order of magnitude slower); results pass through typed arrays, which V8 keeps unboxed.
 */

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

/** The last `mulM`: [low half, high half]. */
const product = new Uint32Array(2);
/** The last hash: [low half, high half]. */
export const hash64 = new Uint32Array(2);

/** (hi, lo) * m modulo 2^64 into `product`. */
function mulM(hi: number, lo: number): void {
  // lo * M_LO in full from 16-bit pieces, then the cross terms that land in the high half.
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const p00 = a0 * (M_LO & 0xffff);
  const p01 = a0 * (M_LO >>> 16);
  const p10 = a1 * (M_LO & 0xffff);
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  product[0] = ((mid & 0xffff) << 16) | (p00 & 0xffff);
  product[1] = a1 * (M_LO >>> 16) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(hi, M_LO) + Math.imul(lo, M_HI);
}

/** MurmurHash64A of `data[start, end)` with `seed` (below 2^32), left in `hash64`. */
export function murmurHash64A(data: Uint8Array, start: number, end: number, seed: number): void {
  const len = end - start;
  mulM(0, len >>> 0);
  let hHi = product[1]!;
  let hLo = (product[0]! ^ seed) >>> 0;
  const wordsEnd = start + (len - (len & 7));
  let p = start;
  while (p !== wordsEnd) {
    const kLo = (data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24)) >>> 0;
    const kHi = (data[p + 4]! | (data[p + 5]! << 8) | (data[p + 6]! << 16) | (data[p + 7]! << 24)) >>> 0;
    mulM(kHi, kLo);
    // k ^= k >> 47: only the high half's top 17 bits reach the low half.
    mulM(product[1]!, (product[0]! ^ (product[1]! >>> 15)) >>> 0);
    mulM((hHi ^ product[1]!) >>> 0, (hLo ^ product[0]!) >>> 0);
    hHi = product[1]!;
    hLo = product[0]!;
    p += 8;
  }
  const rest = len & 7;
  if (rest !== 0) {
    for (let i = rest - 1; i >= 0; i--) {
      const byte = data[p + i]!;
      if (i >= 4) hHi = (hHi ^ (byte << (8 * (i - 4)))) >>> 0;
      else hLo = (hLo ^ (byte << (8 * i))) >>> 0;
    }
    mulM(hHi, hLo);
    hHi = product[1]!;
    hLo = product[0]!;
  }
  mulM(hHi, (hLo ^ (hHi >>> 15)) >>> 0);
  hash64[0] = product[0]! ^ (product[1]! >>> 15);
  hash64[1] = product[1]!;
}
