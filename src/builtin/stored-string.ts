import { Buffer } from 'node:buffer';
import { bulk } from '../resp/types.js';
import { latin1Bulk, type Reply } from './reply.js';
import type { RedisValue } from './types.js';
import { latin1 } from './latin1.js';
import { parseInteger } from './numbers.js';
import { digitCount } from './util/digit-count.js';

export type StringEncoding = 'int' | 'embstr' | 'raw';

const ENCODINGS: readonly StringEncoding[] = ['int', 'embstr', 'raw'];
const encodingBits = (e: StringEncoding): number => (e === 'int' ? 0 : e === 'embstr' ? 1 : 2);

/** Values up to this many bytes are kept as a latin1 JS string: one byte a char, no Buffer object beside it. */
const INLINE_MAX = 4096;

/**
 * A string value as the keyspace holds it, and its entry there: a million small keys must not each
 * carry a Buffer (about 100 bytes of object and a pool slice) and a wrapper object beside the value.
 * The bytes are a latin1 string (short values), a number (a counter INCR wrote: its decimal digits, so
 * INCR neither formats nor parses them) or a Buffer (long ones, and the bit commands' buffers, written
 * in place, kept as given by the `value` setter); `value` reads them as a Buffer, a fresh one for a
 * latin1 string or a number, so a reader may keep it but writes to it change nothing. `seq`, `mem` and `access`
 * are the keyspace's per-key fields (keyspace.ts), 0 while the value is held by no key.
 */
export class StoredString {
  /** The value's bytes (latin1 string or Buffer), or a safe integer standing for its decimal digits. */
  private data: string | Buffer | number;
  /** The keyspace's creation order (SCAN), 0 while no key holds this value. */
  seq = 0;
  /** What the key takes in the memory tally, as last counted. */
  mem = 0;
  /** The access state (24 bits, memory/access.ts) times 4 plus the encoding's index: one small integer. */
  private meta: number;
  declare readonly type: 'string';

  constructor(bytes: string | Buffer | number, encoding: StringEncoding) {
    this.data = bytes;
    this.meta = encodingBits(encoding);
  }

  get encoding(): StringEncoding {
    return ENCODINGS[this.meta & 3]!;
  }

  set encoding(e: StringEncoding) {
    this.meta = (this.meta & ~3) | encodingBits(e);
  }

  /** LRU or LFU state (memory/access.ts). */
  get access(): number {
    return this.meta >>> 2;
  }

  set access(state: number) {
    this.meta = (state << 2) | (this.meta & 3);
  }

  get value(): Buffer {
    const d = this.data;
    return typeof d === 'string' ? Buffer.from(d, 'latin1') : typeof d === 'number' ? Buffer.from(String(d), 'latin1') : d;
  }

  set value(bytes: Buffer) {
    this.data = bytes;
  }

  /**
   * Holds `other`'s bytes and encoding from now on: a SET over a string key keeps the key's entry (so
   * whoever read the old value before must have taken its bytes by then).
   */
  takeBytes(other: StoredString): void {
    this.data = other.data;
    this.meta = (this.meta & ~3) | (other.meta & 3);
  }

  /** Takes `bytes` (a latin1 string, or a Buffer copied as storedString would) as its value, without a new value made. */
  assign(bytes: string | Buffer, encoding: StringEncoding): void {
    this.data = typeof bytes === 'string' ? bytes : heldBytes(bytes, true);
    this.meta = (this.meta & ~3) | encodingBits(encoding);
  }

  /**
   * Holds the integer `n` (a safe integer) as its value, int-encoded, without its digits made: INCR's
   * counter, read back by smallInteger as it is.
   */
  setInteger(n: number): void {
    this.data = n;
    this.meta = this.meta & ~3;
  }

  /** The length in bytes, without making a Buffer (or, for a number, a string). */
  get length(): number {
    const d = this.data;
    return typeof d === 'number' ? decimalLength(d) : d.length;
  }

  /** A value of the same bytes and encoding that no key holds (the bytes shared while immutable). */
  copy(): StoredString {
    const d = this.data;
    return typeof d === 'object' ? storedString(d, this.encoding) : new StoredString(d, this.encoding);
  }

  /** The bytes as a bulk reply: a latin1 string is written straight into the reply buffer, no Buffer made. */
  reply(): Reply {
    const d = this.data;
    return typeof d === 'string' ? latin1Bulk(d) : typeof d === 'number' ? latin1Bulk(String(d)) : bulk(d);
  }

  /**
   * The value as a number when it is an integer of at most 15 characters or one setInteger stored (exact
   * in a double either way), else null, read from the latin1 string without making a Buffer (INCR's common
   * case; parseInteger's rules).
   */
  smallInteger(): number | null {
    const d = this.data;
    if (typeof d === 'number') return d;
    if (typeof d !== 'string') return d.length <= 15 ? parseInteger(d) : null;
    const n = d.length;
    if (n === 0 || n > 15) return null;
    const negative = d.charCodeAt(0) === 0x2d;
    const i = negative ? 1 : 0;
    if (n === i) return null;
    if (d.charCodeAt(i) === 0x30) return n === 1 ? 0 : null;
    let v = 0;
    for (let j = i; j < n; j++) {
      const c = d.charCodeAt(j) - 0x30;
      if (c < 0 || c > 9) return null;
      v = v * 10 + c;
    }
    return negative ? -v : v;
  }

  /** The bytes as a latin1 string, without making a Buffer when they are held as one. */
  latin1(): string {
    const d = this.data;
    return typeof d === 'string' ? d : typeof d === 'number' ? String(d) : d.toString('latin1');
  }
}
Object.defineProperty(StoredString.prototype, 'type', { value: 'string', enumerable: true });

/** How many characters String(n) has, for a safe integer n (its sign included), without making the string. */
const decimalLength = (n: number): number => (n < 0 ? 1 : 0) + digitCount(Math.abs(n));

/**
 * A stored string of `bytes`: a latin1 string when short, else the Buffer itself, or a copy of it when
 * `copy` (the caller's Buffer may share memory with a connection's input).
 */
export function storedString(bytes: Buffer, encoding: StringEncoding, copy = true): StoredString {
  return new StoredString(heldBytes(bytes, copy), encoding);
}

/** `bytes` as a StoredString holds them: a latin1 string when short, else the Buffer or a copy of it. */
const heldBytes = (bytes: Buffer, copy: boolean): string | Buffer => (bytes.length <= INLINE_MAX ? latin1(bytes) : copy ? Buffer.from(bytes) : bytes);

type StringValueLike = Extract<RedisValue, { type: 'string' }>;

/** A string value's length in bytes (no Buffer made for a stored one). */
export const stringLength = (v: StringValueLike): number => (v instanceof StoredString ? v.length : v.value.length);

/** The value as a number when it is an integer of at most 15 characters, else null (INCR's common case). */
export const smallInteger = (v: StringValueLike): number | null => (v instanceof StoredString ? v.smallInteger() : v.value.length <= 15 ? parseInteger(v.value) : null);

/** A string value as a bulk reply (no Buffer made for a stored one's short bytes). */
export const stringReply = (v: StringValueLike): Reply => (v instanceof StoredString ? v.reply() : bulk(v.value));

/** A string value's bytes as a latin1 string. */
export const stringLatin1 = (v: StringValueLike): string => (v instanceof StoredString ? v.latin1() : v.value.toString('latin1'));

/**
 * The value as the keyspace may hold it: a StoredString no key holds is taken as it is (its Buffer, if
 * any, stays the caller's: the bit commands write it in place); anything else is copied into a new one.
 */
export function toStored(v: StringValueLike): StoredString {
  if (v instanceof StoredString) return v.seq === 0 ? v : v.copy();
  return storedString(v.value, v.encoding, false);
}
