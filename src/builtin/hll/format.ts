/**
 * Redis's HyperLogLog string layout (hyperloglog.c): a 16-byte header ("HYLL", the encoding byte, three
 * unused bytes, the cached cardinality as 64 bits little endian whose top bit marks it stale), then
 * either 16384 dense 6-bit registers (12288 bytes) or the sparse opcodes.
 */

export const HEADER_SIZE = 16;
export const P = 14;
export const REGISTERS = 1 << P;
/** Hash bits left for the run of zeros once the register index is taken. */
export const Q = 64 - P;
export const DENSE_SIZE = HEADER_SIZE + (REGISTERS * 6) / 8;
export const DENSE = 0;
export const SPARSE = 1;
const ENCODING_BYTE = 4;
const CARD_OFFSET = 8;
const CACHE_BYTE = 15;

export const INVALID_HLL = 'INVALIDOBJ Corrupted HLL object detected';
export const NOT_HLL = 'WRONGTYPE Key is not a valid HyperLogLog string value.';

/** True when `bytes` holds a HyperLogLog Redis accepts: magic, a known encoding, a dense one's exact size. */
export function isHll(bytes: Buffer): boolean {
  if (bytes.length < HEADER_SIZE) return false;
  if (bytes[0] !== 0x48 || bytes[1] !== 0x59 || bytes[2] !== 0x4c || bytes[3] !== 0x4c) return false;
  const encoding = bytes[ENCODING_BYTE]!;
  if (encoding > SPARSE) return false;
  return encoding !== DENSE || bytes.length === DENSE_SIZE;
}

export const encodingOf = (bytes: Uint8Array): number => bytes[ENCODING_BYTE]!;

/** A new, empty HLL: sparse, a single XZERO covering every register, cached cardinality 0 (valid). */
export function emptyHll(): Buffer {
  const out = Buffer.alloc(HEADER_SIZE + 2);
  out.write('HYLL', 0, 'latin1');
  out[ENCODING_BYTE] = SPARSE;
  out[HEADER_SIZE] = 0x40 | ((REGISTERS - 1) >> 8);
  out[HEADER_SIZE + 1] = (REGISTERS - 1) & 0xff;
  return out;
}

export const cacheValid = (bytes: Uint8Array): boolean => (bytes[CACHE_BYTE]! & 0x80) === 0;
export const invalidateCache = (bytes: Uint8Array): void => {
  bytes[CACHE_BYTE] = bytes[CACHE_BYTE]! | 0x80;
};
export const cachedCard = (bytes: Buffer): bigint => bytes.readBigUInt64LE(CARD_OFFSET);
export const storeCard = (bytes: Buffer, card: number): void => {
  bytes.writeBigUInt64LE(BigInt(card), CARD_OFFSET);
};

/** Register `n` of the dense registers starting at `base` (6 bits each, from each byte's low bits up). */
export function denseGet(bytes: Uint8Array, base: number, n: number): number {
  const bit = n * 6;
  const at = base + (bit >> 3);
  const fb = bit & 7;
  const b1 = at + 1 < bytes.length ? bytes[at + 1]! : 0;
  return ((bytes[at]! >> fb) | (b1 << (8 - fb))) & 63;
}

export function denseSet(bytes: Uint8Array, base: number, n: number, value: number): void {
  const bit = n * 6;
  const at = base + (bit >> 3);
  const fb = bit & 7;
  bytes[at] = (bytes[at]! & ~(63 << fb)) | (value << fb);
  if (at + 1 < bytes.length) bytes[at + 1] = (bytes[at + 1]! & ~(63 >> (8 - fb))) | (value >> (8 - fb));
}
