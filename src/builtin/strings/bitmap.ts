/**
 * Bits of a string as Redis's bitops.c reads them: bit 0 is the most significant bit of byte 0, and
 * bytes past the end read as zero. Pure functions over Buffers; the commands live in commands/bits.ts.
 */

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

export function getBit(buf: Buffer, offset: number): number {
  const byte = Math.floor(offset / 8);
  return byte < buf.length ? (buf[byte]! >> (7 - (offset % 8))) & 1 : 0;
}

/** Sets bit `offset` (inside `buf`) to `on`; answers the bit it held. */
export function setBit(buf: Buffer, offset: number, on: number): number {
  const byte = Math.floor(offset / 8);
  const mask = 1 << (7 - (offset % 8));
  const was = buf[byte]! & mask ? 1 : 0;
  buf[byte] = on ? buf[byte]! | mask : buf[byte]! & ~mask;
  return was;
}

/** The byte at `i` with the bits outside [from, to] (bit offsets of the whole string) cleared. */
function maskedByte(buf: Buffer, i: number, from: number, to: number): number {
  let b = buf[i]!;
  if (from > i * 8) b &= 0xff >> (from - i * 8);
  if (to < i * 8 + 7) b &= (0xff << (i * 8 + 7 - to)) & 0xff;
  return b;
}

const NO_WORDS = new Uint32Array(0);

/** Bits set in a 32-bit word (the SWAR popcount). */
function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The bytes [first, end) of `buf` as aligned 32-bit words where they can be (`words` covers bytes
 * [start, start + 4 * words.length)), so long runs are read four bytes at a time.
 */
function alignedWords(buf: Buffer, first: number, end: number): { start: number; words: Uint32Array } {
  const start = first + ((4 - ((buf.byteOffset + first) % 4)) % 4);
  const count = start < end ? Math.floor((end - start) / 4) : 0;
  return { start, words: count > 0 ? new Uint32Array(buf.buffer, buf.byteOffset + start, count) : NO_WORDS };
}

/** Set bits in the bit range [from, to], both inside the string. */
export function countBits(buf: Buffer, from: number, to: number): number {
  const first = Math.floor(from / 8);
  const last = Math.floor(to / 8);
  if (first === last) return POPCOUNT[maskedByte(buf, first, from, to)]!;
  let n = POPCOUNT[maskedByte(buf, first, from, to)]! + POPCOUNT[maskedByte(buf, last, from, to)]!;
  const { start, words } = alignedWords(buf, first + 1, last);
  const wordsEnd = start + 4 * words.length;
  for (let i = first + 1; i < Math.min(start, last); i++) n += POPCOUNT[buf[i]!]!;
  for (let w = 0; w < words.length; w++) n += popcount32(words[w]!);
  for (let i = Math.max(wordsEnd, first + 1); i < last; i++) n += POPCOUNT[buf[i]!]!;
  return n;
}

/** The first bit equal to `bit` in [from, to] (inside the string), or -1. */
export function findBit(buf: Buffer, bit: number, from: number, to: number): number {
  const first = Math.floor(from / 8);
  const last = Math.floor(to / 8);
  const skipByte = bit ? 0 : 0xff;
  const skipWord = bit ? 0 : 0xffffffff;
  const { start, words } = alignedWords(buf, first + 1, last);
  for (let i = first; i <= last; i++) {
    if (i === start && words.length > 0) {
      // Whole words of nothing to find are passed over; the byte loop takes the word that holds it.
      let w = 0;
      while (w < words.length && words[w] === skipWord) w++;
      i = start + 4 * w;
      if (i > last) break;
    }
    if (i !== first && i !== last && buf[i] === skipByte) continue;
    const lo = Math.max(from, i * 8);
    const hi = Math.min(to, i * 8 + 7);
    for (let pos = lo; pos <= hi; pos++) if (((buf[i]! >> (7 - (pos % 8))) & 1) === bit) return pos;
  }
  return -1;
}

/**
 * BITCOUNT's and BITPOS's range: `start` and `end` counted in bytes or bits (`inBits`), negatives from
 * the end, clamped to the string; undefined when empty. Answers bit offsets [from, to].
 */
export function bitRange(length: number, start: bigint, end: bigint, inBits: boolean): { from: number; to: number } | undefined {
  const total = BigInt(inBits ? length * 8 : length);
  if (start < 0n) start += total;
  if (end < 0n) end += total;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= total) end = total - 1n;
  if (start > end) return undefined;
  return inBits ? { from: Number(start), to: Number(end) } : { from: Number(start) * 8, to: Number(end) * 8 + 7 };
}

export type BitOp = 'and' | 'or' | 'xor' | 'not';

/** BITOP over the sources (undefined: a missing key, read as empty), each zero-padded to the longest. */
export function bitop(op: BitOp, sources: (Buffer | undefined)[]): Buffer {
  const length = Math.max(0, ...sources.map((s) => s?.length ?? 0));
  const out = Buffer.alloc(length);
  if (length === 0) return out;
  const first = sources[0];
  if (first !== undefined) first.copy(out);
  if (op === 'not') {
    for (let i = 0; i < length; i++) out[i] = ~out[i]! & 0xff;
    return out;
  }
  for (let j = 1; j < sources.length; j++) {
    const src = sources[j];
    const n = src?.length ?? 0;
    if (op === 'and') {
      for (let i = 0; i < n; i++) out[i] = out[i]! & src![i]!;
      out.fill(0, n);
    } else if (op === 'or') {
      for (let i = 0; i < n; i++) out[i] = out[i]! | src![i]!;
    } else {
      for (let i = 0; i < n; i++) out[i] = out[i]! ^ src![i]!;
    }
  }
  return out;
}
