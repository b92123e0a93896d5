/**
 * CRC-64 as Redis checks DUMP payloads and RDB files: the Jones polynomial (0xad93d23594c935a9),
 * reflected, initial value 0, no final xor ("123456789" gives 0xe9c6d914c4b8d9ca). Held as two
 * 32-bit halves so a byte costs a table lookup and a few shifts, not BigInt arithmetic.
 */
const POLY_HI = 0x95ac9329; // the polynomial bit-reversed: 0x95ac9329ac4bc9b5
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry !== 0) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[n] = hi;
  TABLE_LO[n] = lo;
}

/** The checksum of `data[start, end)`, as 8 little-endian bytes (how the payload's footer holds it). */
export function crc64(data: Uint8Array, start = 0, end = data.length): Buffer {
  let hi = 0;
  let lo = 0;
  for (let i = start; i < end; i++) {
    const index = (lo ^ data[i]!) & 0xff;
    lo = ((lo >>> 8) | ((hi & 0xff) << 24)) >>> 0;
    hi = hi >>> 8;
    hi = (hi ^ TABLE_HI[index]!) >>> 0;
    lo = (lo ^ TABLE_LO[index]!) >>> 0;
  }
  const out = Buffer.allocUnsafe(8);
  out.writeUInt32LE(lo, 0);
  out.writeUInt32LE(hi, 4);
  return out;
}
