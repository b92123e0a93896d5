import { isIntegerMember } from '../set/set-value.js';
import type { Bytes } from '../types.js';

/**
 * Redis 7.0's listpack, the blob small lists, hashes and sorted sets are saved as: a 6-byte header (total
 * bytes, element count, little-endian), the entries, 0xFF. An entry that reads as a canonical 64-bit
 * integer is stored as the smallest integer kind (7, 13, 16, 24, 32 or 64 bits), any other as a string
 * with a 1-, 2- or 5-byte length; each ends with its own length in 1 to 5 bytes, for walking backwards.
 */
const HEADER = 6;
export const EMPTY_LISTPACK_BYTES = HEADER + 1;

/** The encoded entry (without its back length) of one element. */
function encodeEntry(element: Bytes): Buffer {
  if (isIntegerMember(element)) {
    const v = BigInt(element);
    if (v >= 0n && v <= 127n) return Buffer.from([Number(v)]);
    if (v >= -4096n && v <= 4095n) {
      const u = Number(v < 0n ? (1n << 13n) + v : v);
      return Buffer.from([(u >> 8) | 0xc0, u & 0xff]);
    }
    const [tag, width] = v >= -32768n && v <= 32767n ? [0xf1, 2] : v >= -8388608n && v <= 8388607n ? [0xf2, 3] : v >= -2147483648n && v <= 2147483647n ? [0xf3, 4] : [0xf4, 8];
    const out = Buffer.alloc(1 + width);
    out[0] = tag;
    let u = BigInt.asUintN(width * 8, v);
    for (let i = 1; i <= width; i++, u >>= 8n) out[i] = Number(u & 0xffn);
    return out;
  }
  const len = element.length;
  const head = len < 64 ? Buffer.from([0x80 | len]) : len < 4096 ? Buffer.from([0xe0 | (len >> 8), len & 0xff]) : Buffer.from([0xf0, len & 0xff, (len >>> 8) & 0xff, (len >>> 16) & 0xff, len >>> 24]);
  return Buffer.concat([head, Buffer.from(element, 'latin1')]);
}

/** lpEncodeBacklen: the entry's length, 7 bits a byte, most significant first, high bit on all but the first. */
function backLength(l: number): Buffer {
  const n = l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
  const out = Buffer.alloc(n);
  for (let i = n - 1, v = l; i >= 0; i--, v = Math.floor(v / 128)) out[i] = (v % 128) | (i === 0 ? 0 : 128);
  return out;
}

/** The bytes one element takes in a listpack, back length included. */
export function entryBytes(element: Bytes): Buffer {
  const entry = encodeEntry(element);
  return Buffer.concat([entry, backLength(entry.length)]);
}

/** A whole listpack of `elements`, in order. */
export const encodeListpack = (elements: Iterable<Bytes>): Buffer => listpackOfEntries([...elements].map(entryBytes));

/** A listpack around already encoded entries (`entryBytes`). */
export function listpackOfEntries(entries: Buffer[]): Buffer {
  const lp = Buffer.concat([Buffer.alloc(HEADER), ...entries, Buffer.from([0xff])]);
  lp.writeUInt32LE(lp.length, 0);
  lp.writeUInt16LE(Math.min(entries.length, 65535), 4);
  return lp;
}

/** The elements of a listpack blob (integers as their decimal text), or undefined when it is malformed. */
export function decodeListpack(lp: Buffer): Bytes[] | undefined {
  if (lp.length < EMPTY_LISTPACK_BYTES || lp.readUInt32LE(0) !== lp.length || lp[lp.length - 1] !== 0xff) return undefined;
  const declared = lp.readUInt16LE(4);
  const out: Bytes[] = [];
  let p = HEADER;
  const end = lp.length - 1;
  while (p < end) {
    const start = p;
    const b = lp[p]!;
    let value: Bytes;
    if (b < 0x80) {
      value = String(b);
      p += 1;
    } else if ((b & 0xc0) === 0x80) {
      const len = b & 0x3f;
      value = lp.toString('latin1', p + 1, p + 1 + len);
      p += 1 + len;
    } else if ((b & 0xe0) === 0xc0) {
      if (p + 1 >= end) return undefined;
      const u = ((b & 0x1f) << 8) | lp[p + 1]!;
      value = String(u >= 1 << 12 ? u - (1 << 13) : u);
      p += 2;
    } else if ((b & 0xf0) === 0xe0) {
      if (p + 1 >= end) return undefined;
      const len = ((b & 0x0f) << 8) | lp[p + 1]!;
      value = lp.toString('latin1', p + 2, p + 2 + len);
      p += 2 + len;
    } else if (b === 0xf0) {
      if (p + 5 > end) return undefined;
      const len = lp.readUInt32LE(p + 1);
      value = lp.toString('latin1', p + 5, p + 5 + len);
      p += 5 + len;
    } else if (b >= 0xf1 && b <= 0xf4) {
      const width = b === 0xf1 ? 2 : b === 0xf2 ? 3 : b === 0xf3 ? 4 : 8;
      if (p + 1 + width > end) return undefined;
      let u = 0n;
      for (let i = width; i >= 1; i--) u = (u << 8n) | BigInt(lp[p + i]!);
      value = String(BigInt.asIntN(width * 8, u));
      p += 1 + width;
    } else return undefined;
    if (p > end) return undefined;
    const back = backLength(p - start);
    if (p + back.length > end || !lp.subarray(p, p + back.length).equals(back)) return undefined;
    p += back.length;
    out.push(value);
  }
  if (p !== end || (declared !== 65535 && declared !== out.length)) return undefined;
  return out;
}
