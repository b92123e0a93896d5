import { lzfDecompress } from './lzf.js';

/** A payload that does not parse: RESTORE answers "ERR Bad data format". */
export class BadFormat extends Error {}

const bad = (): never => {
  throw new BadFormat();
};

/** Reads RDB primitives (rdbLoadLen, rdbGenericLoadStringObject, the doubles) from a payload in order. */
export class RdbReader {
  private pos = 0;

  constructor(private readonly data: Buffer) {}

  byte(): number {
    if (this.pos >= this.data.length) bad();
    return this.data[this.pos++]!;
  }

  take(n: number): Buffer {
    if (n < 0 || this.pos + n > this.data.length) bad();
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** rdbLoadLen; `special` is set (0-3) when the byte announces an encoded string instead. */
  lengthOrSpecial(): { len: number; special?: number } {
    const b = this.byte();
    const kind = b >> 6;
    if (kind === 0) return { len: b & 0x3f };
    if (kind === 1) return { len: ((b & 0x3f) << 8) | this.byte() };
    if (kind === 3) return { len: 0, special: b & 0x3f };
    if (b === 0x80) return { len: this.take(4).readUInt32BE(0) };
    if (b === 0x81) {
      const n = this.take(8).readBigUInt64BE(0);
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) bad();
      return { len: Number(n) };
    }
    return bad();
  }

  /** rdbLoadLen of an unsigned 64-bit number (stream ids and counters). */
  bigLength(): bigint {
    const b = this.data[this.pos];
    if (b === 0x81) {
      this.pos++;
      return this.take(8).readBigUInt64BE(0);
    }
    return BigInt(this.length());
  }

  length(): number {
    const { len, special } = this.lengthOrSpecial();
    if (special !== undefined) bad();
    return len;
  }

  /** A string, however it was encoded (plain, 8/16/32-bit integer, LZF). */
  string(): Buffer {
    const { len, special } = this.lengthOrSpecial();
    if (special === undefined) return Buffer.from(this.take(len));
    if (special === 0) return Buffer.from(String(this.take(1).readInt8(0)), 'latin1');
    if (special === 1) return Buffer.from(String(this.take(2).readInt16LE(0)), 'latin1');
    if (special === 2) return Buffer.from(String(this.take(4).readInt32LE(0)), 'latin1');
    if (special === 3) {
      const packedLen = this.length();
      const plainLen = this.length();
      if (plainLen === 0) bad();
      return lzfDecompress(this.take(packedLen), plainLen) ?? bad();
    }
    return bad();
  }

  binaryDouble(): number {
    return this.take(8).readDoubleLE(0);
  }

  /** rdbLoadDoubleValue (RDB_TYPE_ZSET): a length byte, 253 nan, 254 inf, 255 -inf, else that many characters. */
  textDouble(): number {
    const len = this.byte();
    if (len === 253) return NaN;
    if (len === 254) return Infinity;
    if (len === 255) return -Infinity;
    const v = Number(this.take(len).toString('latin1'));
    return Number.isNaN(v) ? bad() : v;
  }
}
