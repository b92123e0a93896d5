// Imported, not the global: Node's global Buffer is a getter, read on every use.
import { Buffer } from 'node:buffer';
import type { Reply } from '../reply.js';
import { digitCount } from '../util/digit-count.js';

/**
 * Encodes replies into one growing buffer per client; the server flushes it once per batch of input
 * (one socket write per event-loop turn, however many pipelined commands were answered).
 */
export class ReplyWriter {
  private out: Buffer;
  private len = 0;
  /** The client's protocol (HELLO): 2 writes every reply as RESP2, 3 uses RESP3's types. */
  resp: 2 | 3 = 2;

  constructor(private readonly initial = 4096) {
    this.out = Buffer.allocUnsafe(initial);
  }

  get size(): number {
    return this.len;
  }

  /** Hands over what was written and starts a new buffer. */
  take(): Buffer | undefined {
    if (this.len === 0) return undefined;
    const chunk = this.out.subarray(0, this.len);
    const next = this.out.length - this.len >= 1024 ? this.out.subarray(this.len) : Buffer.allocUnsafe(Math.max(this.initial, 1024));
    this.out = next;
    this.len = 0;
    return chunk;
  }

  write(reply: Reply): void {
    switch (reply.type) {
      case 'simple':
        this.line(43, reply.value);
        return;
      case 'error':
        // As Redis does, line breaks inside an error would break the protocol, so they become spaces.
        this.line(45, /[\r\n]/.test(reply.value) ? reply.value.replace(/[\r\n]/g, ' ') : reply.value);
        return;
      case 'integer': {
        const v = reply.value;
        // A count (SADD, HSET, LPUSH, INCR) is a number already: digit by digit, no string made.
        if (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER) this.count(58, v);
        else this.integer(v);
        return;
      }
      case 'bulk':
        if (reply.value === null) this.ascii(this.resp === 3 ? '_\r\n' : '$-1\r\n');
        else this.bulk(reply.value);
        return;
      case 'array':
        if (reply.value === null) {
          this.ascii(this.resp === 3 ? '_\r\n' : '*-1\r\n');
          return;
        }
        this.aggregate(42, reply.value.length, reply.value);
        return;
      case 'map':
        if (this.resp === 3) this.aggregate(37, reply.value.length / 2, reply.value);
        else this.aggregate(42, reply.value.length, reply.value);
        return;
      case 'set':
        this.aggregate(this.resp === 3 ? 126 : 42, reply.value.length, reply.value);
        return;
      case 'push':
        this.aggregate(this.resp === 3 ? 62 : 42, reply.value.length, reply.value);
        return;
      case 'double':
        if (this.resp === 3) this.line(44, reply.value);
        else this.bulk(Buffer.from(reply.value, 'latin1'));
        return;
      case 'verbatim':
        if (this.resp === 3) {
          this.line(61, String(reply.value.length + 4));
          this.ascii('txt:');
          this.raw(reply.value);
        } else this.bulk(reply.value);
        return;
      case 'bool':
        this.ascii(this.resp === 3 ? (reply.value ? '#t\r\n' : '#f\r\n') : reply.value ? ':1\r\n' : ':0\r\n');
        return;
      case 'bignum':
        if (this.resp === 3) this.line(40, reply.value);
        else this.bulk(Buffer.from(reply.value, 'latin1'));
        return;
      case 'attribute':
        if (this.resp === 3) this.aggregate(124, reply.value.length / 2, reply.value);
        this.write(reply.then);
        return;
      case 'raw':
        this.ascii(reply.value.toString('latin1'));
        return;
      case 'latin1':
        this.latin1Bulk(reply.value);
        return;
      case 'bulks': {
        const items = reply.value;
        this.count(42, items.length);
        for (let i = 0; i < items.length; i++) this.latin1Bulk(items[i]!);
        return;
      }
      case 'pairs': {
        const items = reply.value;
        if (this.resp === 2) {
          this.aggregate(42, items.length, items);
          return;
        }
        this.count(42, items.length / 2);
        for (let i = 0; i < items.length; i += 2) {
          this.ascii('*2\r\n');
          this.write(items[i]!);
          this.write(items[i + 1]!);
        }
        return;
      }
    }
  }

  /**
   * An integer off the count path: a bigint, a negative, or a number past 2^53, whose digits are those of
   * its exact value (what BigInt(n) made of it before), never an exponent form.
   */
  private integer(v: number | bigint): void {
    const n = Number(v);
    if (n >= 0 && n <= Number.MAX_SAFE_INTEGER) this.count(58, n);
    else this.line(58, (typeof v === 'number' && !Number.isSafeInteger(v) ? BigInt(v) : v).toString());
  }

  /** The header of an array whose elements the caller writes next, one by one (EXEC). */
  arrayHeader(count: number): void {
    this.count(42, count);
  }

  private aggregate(prefix: number, count: number, items: Reply[]): void {
    this.count(prefix, count);
    for (const item of items) this.write(item);
  }

  bulk(value: Buffer): void {
    this.count(36, value.length);
    this.raw(value);
  }

  /** A bulk string from a latin1 string (one byte per code unit), copied straight into the buffer. */
  private latin1Bulk(s: string): void {
    const n = s.length;
    this.count(36, n);
    this.reserve(n + 2);
    const out = this.out;
    let at = this.len;
    if (n <= 64) {
      for (let i = 0; i < n; i++) out[at++] = s.charCodeAt(i);
    } else {
      at += out.write(s, at, n, 'latin1');
    }
    out[at++] = 13;
    out[at++] = 10;
    this.len = at;
  }

  /** Bytes and the CRLF after them. */
  private raw(value: Buffer): void {
    this.reserve(value.length + 2);
    value.copy(this.out, this.len);
    this.len += value.length;
    this.out[this.len++] = 13;
    this.out[this.len++] = 10;
  }

  /** Writes text that is already RESP (its bytes are latin1). */
  ascii(text: string): void {
    const n = text.length;
    this.reserve(n);
    if (n <= 32) {
      // Short texts (a nil, `*2`, `#t`) by hand: cheaper than a call into Buffer.write.
      const out = this.out;
      let at = this.len;
      for (let i = 0; i < n; i++) out[at++] = text.charCodeAt(i);
      this.len = at;
    } else {
      this.len += this.out.write(text, this.len, 'latin1');
    }
  }

  private line(prefix: number, text: string): void {
    this.reserve(text.length + 3);
    this.out[this.len++] = prefix;
    if (text.length <= 32) {
      // Short lines (lengths, integers, OK) are copied by hand: cheaper than a call into Buffer.write.
      for (let i = 0; i < text.length; i++) this.out[this.len++] = text.charCodeAt(i);
    } else {
      this.len += this.out.write(text, this.len, 'latin1');
    }
    this.out[this.len++] = 13;
    this.out[this.len++] = 10;
  }

  /** A length or count line (`$5`, `*100`): the digits written straight in, no string made for them. */
  private count(prefix: number, n: number): void {
    this.reserve(20);
    const out = this.out;
    let at = this.len;
    out[at++] = prefix;
    at = n <= 0x7fffffff ? int32Digits(out, at, n | 0) : wideDigits(out, at, n);
    out[at++] = 13;
    out[at++] = 10;
    this.len = at;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.len + n, this.initial));
    this.out.copy(bigger, 0, 0, this.len);
    this.out = bigger;
  }
}

/**
 * Writes the digits of 0 <= n < 2^31 at `at` and returns where they end: in int32 arithmetic, where a
 * division by 10 is a multiplication.
 */
function int32Digits(out: Buffer, at: number, n: number): number {
  const end = at + digitCount(n);
  let i = end;
  let m = n;
  do {
    const q = (m / 10) | 0;
    out[--i] = 48 + m - q * 10;
    m = q;
  } while (m !== 0);
  return end;
}

/** int32Digits for 2^31 <= n <= 2^53, in doubles. */
function wideDigits(out: Buffer, at: number, n: number): number {
  const digits = digitCount(n);
  let i = at + digits;
  for (let m = n; m !== 0; m = Math.floor(m / 10)) out[--i] = 48 + (m % 10);
  return at + digits;
}
