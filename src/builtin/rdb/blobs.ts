import type { Bytes } from '../types.js';

/**
 * The other blobs Redis 7.0 saves or still loads: the intset (sets of integers: a width of 2, 4 or 8
 * bytes, a count, the sorted values, all little-endian) and the ziplist of older RDB versions (lists,
 * hashes and sorted sets saved before 7.0).
 */

/** An intset of canonical integer members, as wide as its widest member needs. */
export function encodeIntset(members: Iterable<Bytes>): Buffer {
  const values = [...members].map((m) => BigInt(m)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fits = (w: number): boolean => values.every((v) => BigInt.asIntN(w * 8, v) === v);
  const width = fits(2) ? 2 : fits(4) ? 4 : 8;
  const out = Buffer.alloc(8 + width * values.length);
  out.writeUInt32LE(width, 0);
  out.writeUInt32LE(values.length, 4);
  values.forEach((v, i) => {
    const at = 8 + i * width;
    if (width === 2) out.writeInt16LE(Number(v), at);
    else if (width === 4) out.writeInt32LE(Number(v), at);
    else out.writeBigInt64LE(v, at);
  });
  return out;
}

/** The members of an intset blob, or undefined when it is malformed (intsetValidateIntegrity, deep). */
export function decodeIntset(blob: Buffer): Bytes[] | undefined {
  if (blob.length < 8) return undefined;
  const width = blob.readUInt32LE(0);
  const count = blob.readUInt32LE(4);
  if ((width !== 2 && width !== 4 && width !== 8) || 8 + width * count !== blob.length || count === 0) return undefined;
  const out: Bytes[] = [];
  let previous: bigint | undefined;
  for (let i = 0; i < count; i++) {
    const at = 8 + i * width;
    const v = width === 2 ? BigInt(blob.readInt16LE(at)) : width === 4 ? BigInt(blob.readInt32LE(at)) : blob.readBigInt64LE(at);
    if (previous !== undefined && v <= previous) return undefined;
    previous = v;
    out.push(String(v));
  }
  return out;
}

/** The entries of a ziplist blob (integers as decimal text), or undefined when it is malformed. */
export function decodeZiplist(zl: Buffer): Bytes[] | undefined {
  if (zl.length < 11 || zl.readUInt32LE(0) !== zl.length || zl[zl.length - 1] !== 0xff) return undefined;
  const out: Bytes[] = [];
  let p = 10;
  const end = zl.length - 1;
  while (p < end) {
    p += zl[p] === 0xfe ? 5 : 1; // the previous entry's length
    if (p >= end) return undefined;
    const b = zl[p]!;
    const kind = b >> 6;
    let value: Bytes;
    if (kind === 0 || kind === 1 || kind === 2) {
      const [len, head] = kind === 0 ? [b & 0x3f, 1] : kind === 1 ? [((b & 0x3f) << 8) | zl[p + 1]!, 2] : [zl.readUInt32BE(p + 1), 5];
      value = zl.toString('latin1', p + head, p + head + len);
      p += head + len;
    } else if (b === 0xc0) [value, p] = [String(zl.readInt16LE(p + 1)), p + 3];
    else if (b === 0xd0) [value, p] = [String(zl.readInt32LE(p + 1)), p + 5];
    else if (b === 0xe0) [value, p] = [String(zl.readBigInt64LE(p + 1)), p + 9];
    else if (b === 0xf0) [value, p] = [String(zl.readIntLE(p + 1, 3)), p + 4];
    else if (b === 0xfe) [value, p] = [String(zl.readInt8(p + 1)), p + 2];
    else if (b >= 0xf1 && b <= 0xfd) [value, p] = [String((b & 0x0f) - 1), p + 1];
    else return undefined;
    if (p > end) return undefined;
    out.push(value);
  }
  return p === end ? out : undefined;
}
