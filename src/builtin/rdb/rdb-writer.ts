import { isIntegerMember } from '../set/set-value.js';
import { lzfCompress } from './lzf.js';

/**
 * The primitives of RDB encoding, as rdb.c writes them into a growing buffer: lengths (6 bits, 14 bits,
 * 32 or 64 bits big-endian), strings (short canonical integers as 8/16/32-bit values, longer than 20
 * bytes LZF-compressed when that saves at least 4 bytes, as with rdbcompression yes) and binary doubles.
 */
export class RdbWriter {
  private readonly parts: Buffer[] = [];

  byte(b: number): void {
    this.parts.push(Buffer.from([b]));
  }

  raw(bytes: Buffer): void {
    this.parts.push(bytes);
  }

  /** rdbSaveLen. */
  length(n: number): void {
    if (n < 1 << 6) this.byte(n);
    else if (n < 1 << 14) this.raw(Buffer.from([0x40 | (n >> 8), n & 0xff]));
    else if (n <= 0xffffffff) {
      const b = Buffer.alloc(5);
      b[0] = 0x80;
      b.writeUInt32BE(n, 1);
      this.raw(b);
    } else {
      const b = Buffer.alloc(9);
      b[0] = 0x81;
      b.writeBigUInt64BE(BigInt(n), 1);
      this.raw(b);
    }
  }

  /** rdbSaveLen of an unsigned 64-bit number (stream ids, counters that may be -1 as unsigned). */
  bigLength(n: bigint): void {
    if (n <= 0xffffffffn) this.length(Number(n));
    else {
      const b = Buffer.alloc(9);
      b[0] = 0x81;
      b.writeBigUInt64BE(n, 1);
      this.raw(b);
    }
  }

  /** rdbSaveRawString. */
  string(s: Buffer): void {
    if (s.length <= 11 && this.tryInteger(s)) return;
    if (s.length > 20) {
      const packed = lzfCompress(s, s.length - 4);
      if (packed !== undefined) {
        this.byte(0xc3);
        this.length(packed.length);
        this.length(s.length);
        this.raw(packed);
        return;
      }
    }
    this.length(s.length);
    this.raw(s);
  }

  /** rdbSaveBinaryDoubleValue: the 8 bytes of the IEEE double, little-endian. */
  binaryDouble(d: number): void {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(d, 0);
    this.raw(b);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }

  /** rdbTryIntegerEncoding: a canonical integer that fits 32 bits, as 0xC0/0xC1/0xC2 and its bytes. */
  private tryInteger(s: Buffer): boolean {
    const text = s.toString('latin1');
    if (!isIntegerMember(text)) return false;
    const v = Number(text);
    if (v >= -128 && v <= 127) {
      this.raw(Buffer.from([0xc0, v & 0xff]));
    } else if (v >= -32768 && v <= 32767) {
      const b = Buffer.alloc(3);
      b[0] = 0xc1;
      b.writeInt16LE(v, 1);
      this.raw(b);
    } else if (v >= -2147483648 && v <= 2147483647) {
      const b = Buffer.alloc(5);
      b[0] = 0xc2;
      b.writeInt32LE(v, 1);
      this.raw(b);
    } else return false;
    return true;
  }
}
