import { internals } from '../dispatch.js';
import { toBytes, type Bytes, type CommandContext } from '../types.js';
import { fail } from '../util/reply-error.js';
import { stringAt, type StringValue } from '../commands/string-value.js';
import { StoredString } from '../stored-string.js';

const OOM = "OOM command not allowed when used memory > 'maxmemory'.";
const MB = 1024 * 1024;

/**
 * Values whose bytes the bit commands own: a zero-filled backing buffer of which `value` is the
 * front. Any other string's bytes may be shared (COPY, a reply being built), so they are copied once,
 * as Redis's dbUnshareStringValue does, and written in place from then on. Keyed by the value
 * object, and checked against its current bytes, so a value another command replaced is never touched.
 */
const owned = new WeakMap<StringValue, Buffer>();

/** The string a write of bits may change in place: a new `raw` value the bit commands own. */
export function ownedString(bytes: Buffer): StringValue {
  const value = new StoredString(bytes, 'raw');
  owned.set(value, bytes);
  return value;
}

/** Room ahead as sds's greedy growth leaves it: double below 1 MB, then 1 MB more. */
const capacityFor = (n: number): number => (n < MB ? n * 2 : n + MB);

/** What a write of bits answers, and whether it counts as a write (Redis signals none that changes nothing). */
export interface BitWrite<R> {
  reply: R;
  changed: boolean;
}

/**
 * Redis's lookupStringForBitCommand, then the write: the string at `key` (created when missing) made
 * at least `bytes` long, zero-padded, and handed to `write` (told whether it grew) to change in place.
 * The key counts as written (WATCH, persistence, the memory tally) when `write` says so, and keeps its
 * TTL; an existing value turns `raw` either way, as Redis unshares it. A missing key is created whatever
 * `write` says (Redis adds it without a WATCH signal; the engine's keyspace cannot). WRONGTYPE for
 * another type.
 */
export function writeBits<R>(ctx: CommandContext, keyArg: Buffer, bytes: number, write: (buf: Buffer, grew: boolean) => BitWrite<R>): R {
  const { db } = ctx;
  const key: Bytes = toBytes(keyArg);
  const current = stringAt(db, key);
  const oldLen = current?.value.length ?? 0;
  const grows = bytes > oldLen;
  if (grows) {
    const { engine } = internals(ctx);
    // The cap is checked before a command runs; one write must not jump far past it either (as SETRANGE).
    if (engine.memory.maxBytes > 0 && bytes - oldLen > engine.memory.maxBytes) fail(OOM);
    engine.memory.noteWrite(bytes - oldLen);
  }
  if (current === undefined) {
    const value = ownedString(Buffer.alloc(bytes));
    const { reply } = write(value.value, true);
    db.set(key, value);
    return reply;
  }
  const backing = owned.get(current);
  const inPlace = backing !== undefined && backing.buffer === current.value.buffer && backing.byteOffset === current.value.byteOffset && backing.length >= bytes;
  if (inPlace) {
    if (grows) current.value = backing.subarray(0, bytes);
  } else {
    const length = Math.max(bytes, oldLen);
    const fresh = Buffer.alloc(grows ? capacityFor(length) : length);
    current.value.copy(fresh);
    current.value = fresh.subarray(0, length);
    current.encoding = 'raw';
    owned.set(current, fresh);
  }
  const { reply, changed } = write(current.value, grows);
  if (changed) db.touched(key);
  return reply;
}
