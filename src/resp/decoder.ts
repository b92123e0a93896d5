import type { RespReply } from './types.js';

const OK_REPLY: RespReply = Object.freeze({ type: 'simple', value: 'OK' });

/**
 * A streaming RESP2 decoder: feed it socket chunks, get whole replies back, in order. Nested arrays are
 * tracked on a stack and a large bulk string is collected until complete, so a reply split across many
 * chunks is decoded in linear time.
 */
export class RespDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private stack: { items: RespReply[]; remaining: number }[] = [];
  /** Chunks held back while a bulk string of known size is still arriving. */
  private waiting: Buffer[] = [];
  private waitingLength = 0;
  private need = 0;

  /** Adds bytes; returns every top-level reply they completed. Throws on bytes that are not RESP2. */
  push(chunk: Buffer): RespReply[] {
    if (this.need > 0) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      if (this.waitingLength < this.need) return [];
      chunk = Buffer.concat(this.waiting, this.waitingLength);
      this.waiting = [];
      this.waitingLength = 0;
      this.need = 0;
    }
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    const done: RespReply[] = [];
    for (;;) {
      const value = this.next();
      if (value === undefined) break;
      const whole = this.attach(value);
      if (whole !== undefined) done.push(whole);
    }
    return done;
  }

  /** Reads one scalar (or an array header, pushed on the stack); undefined when more bytes are needed. */
  private next(): RespReply | null | undefined {
    const buf = this.buf;
    const start = this.pos;
    if (start >= buf.length) return undefined;
    const end = buf.indexOf('\r\n', start + 1);
    if (end < 0) return undefined;
    const kind = buf[start];
    switch (kind) {
      case 0x2b: // +
        this.pos = end + 2;
        // The status replies a pipeline is full of are shared, not decoded each time.
        if (end - start === 3 && buf[start + 1] === 0x4f && buf[start + 2] === 0x4b) return OK_REPLY;
        return { type: 'simple', value: buf.toString('utf8', start + 1, end) };
      case 0x2d: // -
        this.pos = end + 2;
        return { type: 'error', value: buf.toString('utf8', start + 1, end) };
      case 0x3a: // :
        this.pos = end + 2;
        return { type: 'integer', value: BigInt(buf.toString('latin1', start + 1, end)) };
      case 0x24: {
        // $
        const size = Number(buf.toString('latin1', start + 1, end));
        if (size < 0) {
          this.pos = end + 2;
          return { type: 'bulk', value: null };
        }
        const from = end + 2;
        if (buf.length < from + size + 2) {
          // Hold the rest back until the whole string is here, then decode it in one go.
          this.need = from + size + 2 - start;
          this.buf = buf.subarray(start);
          this.pos = 0;
          this.waiting = [this.buf];
          this.waitingLength = this.buf.length;
          this.buf = Buffer.alloc(0);
          return undefined;
        }
        this.pos = from + size + 2;
        return { type: 'bulk', value: Buffer.from(buf.subarray(from, from + size)) };
      }
      case 0x2a: {
        // *
        const count = Number(buf.toString('latin1', start + 1, end));
        this.pos = end + 2;
        if (count < 0) return { type: 'array', value: null };
        if (count === 0) return { type: 'array', value: [] };
        this.stack.push({ items: [], remaining: count });
        return null;
      }
      default:
        throw new Error(`Not a RESP2 reply: ${JSON.stringify(buf.toString('latin1', start, Math.min(end, start + 40)))}`);
    }
  }

  /** Puts a finished value into the array being built; returns a top-level reply when one is complete. */
  private attach(value: RespReply | null): RespReply | undefined {
    if (value === null) return undefined;
    let current: RespReply = value;
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) return current;
      top.items.push(current);
      top.remaining -= 1;
      if (top.remaining > 0) return undefined;
      this.stack.pop();
      current = { type: 'array', value: top.items };
    }
  }
}

/** A command as RESP: an array of bulk strings, written into one buffer (no string building per argument). */
export function encodeCommand(args: readonly (Buffer | string)[]): Buffer {
  const bytes = args.map((arg) => (typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg));
  let size = 1 + digits(bytes.length) + 2;
  for (const b of bytes) size += 1 + digits(b.length) + 2 + b.length + 2;
  const out = Buffer.allocUnsafe(size);
  let at = writeHeader(out, 0, 0x2a, bytes.length);
  for (const b of bytes) {
    at = writeHeader(out, at, 0x24, b.length);
    at += b.copy(out, at);
    out[at++] = 0x0d;
    out[at++] = 0x0a;
  }
  return out;
}

/** The same as text, for commands whose arguments are all strings (joined and converted once per write). */
export function encodeText(args: readonly string[]): string {
  let out = `*${args.length}\r\n`;
  for (const arg of args) out += `$${Buffer.byteLength(arg, 'utf8')}\r\n${arg}\r\n`;
  return out;
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** Writes `*3\r\n` or `$5\r\n` at `at`; returns the offset after it. */
function writeHeader(out: Buffer, at: number, marker: number, n: number): number {
  out[at] = marker;
  const d = digits(n);
  for (let i = d; i > 0; i--) {
    out[at + i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  out[at + d + 1] = 0x0d;
  out[at + d + 2] = 0x0a;
  return at + d + 3;
}
