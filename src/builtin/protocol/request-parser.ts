/**
 * Incremental RESP2 request parser: multibulk (`*2\r\n$3\r\nGET\r\n$1\r\nk\r\n`) and inline (`GET k\n`)
 * commands, with Redis 7.0's limits and its exact protocol error texts. Bytes are consumed as they
 * arrive; a partial command is kept without re-concatenating what was already parsed, and a large
 * bulk is gathered from its chunks once, when complete.
 */
// Imported, not the global: Node's global Buffer is a getter, read on every use (once per argument here).
import { Buffer } from 'node:buffer';
import { isSpace, splitInlineArgs } from './inline.js';

/** Redis's PROTO_INLINE_MAX_SIZE: a line without its end that grows past this is refused. */
const INLINE_MAX = 64 * 1024;
/** Redis's default proto-max-bulk-len (512 MB). */
const MAX_BULK = 512 * 1024 * 1024;
const CR = 13;
/** Slots made at once for a multibulk's arguments; a longer one grows as it fills. */
const ARGS_PREALLOCATED = 1024;
/** Between commands (nothing writes to it). */
const NO_ARGS: Buffer[] = [];
const LF = 10;
/** The longest argument handed out again when repeated (see lastArgs). */
const REMEMBERED_LEN = 64;
/** Commands of up to this many arguments are read whole when all there (wholeCommand). */
const WHOLE_MAX = 64;

export type ParseResult = Buffer[] | { error: string } | undefined;

export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private bytes: ArrayBufferLike = this.buf.buffer;
  private bytesOffset = 0;
  private pos = 0;
  /** Arguments still expected in the current multibulk (0: between commands). */
  private remaining = 0;
  private args: Buffer[] = NO_ARGS;
  /** Arguments of the current multibulk read so far. */
  private filled = 0;
  /** Length of the bulk being read, or -1 when its `$<len>` line is next. */
  private bulkLen = -1;
  /** Chunks of a large bulk, gathered until `bulkLen + 2` bytes are there. */
  private parts: Buffer[] | null = null;
  private partsLen = 0;
  /**
   * The last command name read, a copy of its bytes: a connection mostly repeats a few commands, and a
   * name equal to it byte for byte is handed out again instead of a new Buffer (nothing writes to args).
   */
  private name: Buffer = Buffer.alloc(0);
  /**
   * The last short argument of each length (after the name), a view of the current input: a pipeline
   * mostly repeats its keys, fields and values, and an argument equal byte for byte to the last one of
   * its length is handed out again (nothing writes to args), so no view is made for it and latin1 and
   * toBytes know it by identity. By length, as latin1.ts remembers strings, so a key and its value do
   * not evict each other. Cleared with each new input, so no view holds on to a read that is done with.
   */
  private readonly lastArgs: (Buffer | undefined)[] = new Array<Buffer | undefined>(REMEMBERED_LEN + 1).fill(undefined);

  /** Adds received bytes; call `next()` until it returns undefined. */
  feed(chunk: Buffer): void {
    // A loop, not fill(): Array.prototype.fill is a call into C++ per input.
    const lastArgs = this.lastArgs;
    for (let i = 0; i <= REMEMBERED_LEN; i++) lastArgs[i] = undefined;
    if (this.parts !== null) {
      this.parts.push(chunk);
      this.partsLen += chunk.length;
      if (this.partsLen >= this.bulkLen + 2) {
        this.buf = Buffer.concat(this.parts, this.partsLen);
        this.pos = 0;
        this.parts = null;
        this.bytes = this.buf.buffer;
        this.bytesOffset = this.buf.byteOffset;
      }
      return;
    }
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
    }
    this.pos = 0;
    this.bytes = this.buf.buffer;
    this.bytesOffset = this.buf.byteOffset;
  }

  /** True while bytes of an unfinished command are held. */
  get pending(): boolean {
    return this.parts !== null || this.pos < this.buf.length || this.remaining > 0;
  }

  /** The next complete command, a protocol error (the connection must then be closed), or undefined. */
  next(): ParseResult {
    if (this.parts !== null) return undefined;
    for (;;) {
      if (this.remaining === 0) {
        if (this.pos >= this.buf.length) return undefined;
        if (this.buf[this.pos] !== 0x2a) {
          const inline = this.inline();
          if (inline === null) continue; // an empty line
          return inline;
        }
        const whole = this.wholeCommand();
        if (whole !== null) return whole;
        let count = this.quickLength();
        if (count < 0) {
          const header = this.countLine(1, 'Protocol error: too big mbulk count string');
          if (header === undefined) return undefined;
          if (header === null || (typeof header === 'number' && header > 2147483647)) return { error: 'Protocol error: invalid multibulk length' };
          if (typeof header === 'object') return header;
          count = header;
        }
        if (count <= 0) continue;
        this.remaining = count;
        // Filled by index: cheaper than a push per argument (a huge count grows it as it fills).
        this.args = new Array<Buffer>(Math.min(count, ARGS_PREALLOCATED));
        this.filled = 0;
      }
      while (this.remaining > 0) {
        if (this.bulkLen < 0) {
          if (this.pos >= this.buf.length) return undefined;
          if (this.buf[this.pos] === 0x24) this.bulkLen = this.quickLength();
        }
        if (this.bulkLen < 0) {
          const header = this.countLine(0, 'Protocol error: too big bulk count string');
          if (header === undefined) return undefined;
          if (header === null || (typeof header === 'number' && (header < 0 || header > MAX_BULK))) return { error: 'Protocol error: invalid bulk length' };
          if (typeof header === 'object') return header;
          this.bulkLen = header;
        }
        const available = this.buf.length - this.pos;
        if (available < this.bulkLen + 2) {
          if (this.bulkLen >= 32 * 1024) {
            // Gather the rest of a large bulk in chunks instead of re-copying the buffer on each arrival.
            this.parts = [this.buf.subarray(this.pos)];
            this.partsLen = available;
            this.buf = Buffer.alloc(0);
            this.pos = 0;
          }
          return undefined;
        }
        this.args[this.filled] = this.filled === 0 ? this.commandName(this.pos, this.bulkLen) : this.argument(this.pos, this.bulkLen);
        this.filled++;
        // As Redis does, the two bytes after a bulk are skipped without being checked.
        this.pos += this.bulkLen + 2;
        this.bulkLen = -1;
        this.remaining--;
      }
      const args = this.args;
      this.args = NO_ARGS;
      return args;
    }
  }

  /**
   * The usual whole command at pos, read in one go: `*<n>` (1 to WHOLE_MAX) and n bulks whose headers
   * quickLength reads, all in the input already. Answers null, pos as it was, for anything else (a
   * command not complete yet, an odd header): next() then reads it step by step, keeping its place.
   */
  private wholeCommand(): Buffer[] | null {
    const start = this.pos;
    const count = this.quickLength();
    if (count <= 0 || count > WHOLE_MAX) {
      this.pos = start;
      return null;
    }
    const buf = this.buf;
    const args = new Array<Buffer>(count);
    for (let i = 0; i < count; i++) {
      const len = this.pos < buf.length && buf[this.pos] === 0x24 ? this.quickLength() : -1;
      if (len < 0 || buf.length - this.pos < len + 2) {
        this.pos = start;
        return null;
      }
      args[i] = i === 0 ? this.commandName(this.pos, len) : this.argument(this.pos, len);
      this.pos += len + 2;
    }
    return args;
  }

  /** The command name at buf[at, at + len): the last one's Buffer when the bytes are the same, else a copy kept as the last. */
  private commandName(at: number, len: number): Buffer {
    const last = this.name;
    const buf = this.buf;
    if (last.length === len) {
      let i = 0;
      while (i < len && buf[at + i] === last[i]) i++;
      if (i === len) return last;
    }
    if (len > 64) return buf.subarray(at, at + len);
    this.name = Buffer.from(buf.subarray(at, at + len));
    return this.name;
  }

  /** The argument at buf[at, at + len): the same view as the last one of its length when its bytes are the same. */
  private argument(at: number, len: number): Buffer {
    if (len > REMEMBERED_LEN) return Buffer.from(this.bytes, this.bytesOffset + at, len);
    const last = this.lastArgs[len];
    if (last !== undefined) {
      const buf = this.buf;
      // From the end: keys that differ (counters, ids) mostly differ in their last bytes.
      let i = len - 1;
      while (i >= 0 && buf[at + i] === last[i]) i--;
      if (i < 0) return last;
    }
    const view = Buffer.from(this.bytes, this.bytesOffset + at, len);
    this.lastArgs[len] = view;
    return view;
  }

  /**
   * The usual `*` or `$` header at pos, its prefix and 1 to 9 digits (no leading zero) up to MAX_BULK then
   * CR and one more byte, read in one pass: answers the number and moves past the line. Anything else
   * answers -1 and is left to countLine, which answers every other case (incomplete, too long, invalid)
   * as Redis does.
   */
  private quickLength(): number {
    const buf = this.buf;
    const first = this.pos + 1;
    let i = first;
    let n = 0;
    for (; i < buf.length && i - first < 10; i++) {
      const c = buf[i]!;
      if (c === CR) break;
      if (c < 0x30 || c > 0x39) return -1;
      n = n * 10 + (c - 0x30);
    }
    const digits = i - first;
    if (digits === 0 || digits > 9 || i + 1 >= buf.length || buf[i] !== CR) return -1;
    if (buf[first] === 0x30 && digits > 1) return -1;
    if (n > MAX_BULK) return -1;
    this.pos = i + 2;
    return n;
  }

  /**
   * Reads `*<n>\r\n` or `$<n>\r\n` at pos: the number (null when not a valid integer), an error when
   * the line is too long, or undefined when incomplete. For a bulk header, checks the `$` first.
   */
  private countLine(prefixSkip: number, tooBig: string): number | null | undefined | { error: string } {
    const buf = this.buf;
    const cr = findInCString(buf, CR, this.pos);
    if (cr < 0 || cr + 1 >= buf.length) {
      if (buf.length - this.pos > INLINE_MAX) return { error: tooBig };
      return undefined;
    }
    if (prefixSkip === 0) {
      if (buf[this.pos] !== 0x24) return { error: `Protocol error: expected '$', got '${String.fromCharCode(buf[this.pos]!)}'` };
    }
    const value = parseStrictInt(buf, this.pos + 1, cr);
    this.pos = cr + 2;
    return value;
  }

  /** An inline command line, null for an empty line, undefined when the line is incomplete. */
  private inline(): Buffer[] | { error: string } | null | undefined {
    const buf = this.buf;
    const lf = findInCString(buf, LF, this.pos);
    if (lf < 0) {
      if (buf.length - this.pos > INLINE_MAX) return { error: 'Protocol error: too big inline request' };
      return undefined;
    }
    let end = lf;
    if (end > this.pos && buf[end - 1] === CR) end--;
    const start = this.pos;
    this.pos = lf + 1;
    const args = this.plainWords(start, end) ?? splitInlineArgs(buf.subarray(start, end));
    if (args === null) return { error: 'Protocol error: unbalanced quotes in request' };
    return args.length === 0 ? null : args;
  }

  /**
   * The words of an inline line buf[start, end) without quotes (PING, GET k), as splitInlineArgs splits
   * them but each a view of the read's bytes (no array of byte values copied into a new Buffer) and the
   * name shared as a multibulk's is; null when the line holds a quote, which only splitInlineArgs reads.
   */
  private plainWords(start: number, end: number): Buffer[] | null {
    const buf = this.buf;
    const args: Buffer[] = [];
    let i = start;
    for (;;) {
      while (i < end && isSpace(buf[i]!)) i++;
      if (i >= end) return args;
      const from = i;
      for (; i < end; i++) {
        const c = buf[i]!;
        if (c === 0x22 || c === 0x27) return null;
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) break;
      }
      args.push(args.length === 0 ? this.commandName(from, i - from) : Buffer.from(this.bytes, this.bytesOffset + from, i - from));
      // sdssplitargs steps over the byte that ended the word, whatever it is.
      if (i < end) i++;
    }
  }
}

/**
 * Redis looks for line ends with strchr, which stops at a NUL byte: a NUL before the line end means the
 * line is not complete yet (until it is too long), and so it is here.
 */
function findInCString(buf: Buffer, byte: number, from: number): number {
  // A loop in JS: lines are a few bytes, where a call into Buffer.indexOf costs more than the scan.
  const end = buf.length;
  for (let i = from; i < end; i++) {
    const c = buf[i]!;
    if (c === byte) return i;
    if (c === 0) return -1;
  }
  return -1;
}

/** Redis's string2ll on buf[start, end): optional '-', digits, no leading zeros or '+'; null otherwise. */
function parseStrictInt(buf: Buffer, start: number, end: number): number | null {
  if (start >= end || end - start > 20) return null;
  let i = start;
  let negative = false;
  if (buf[i] === 0x2d) {
    negative = true;
    i++;
    if (i >= end) return null;
  }
  if (buf[i] === 0x30) return end - i === 1 && !negative ? 0 : null;
  let n = 0;
  for (; i < end; i++) {
    const c = buf[i]! - 0x30;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return negative ? -n : n;
}
