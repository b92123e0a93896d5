/**
 * Buffers to latin1 strings (keys, fields, members and short values), the conversion every command
 * makes for each argument it keeps. toString('latin1') is a call into C++ (~100 ns even for 3 bytes).
 */

/** Arguments up to this many bytes are compared with the last string made of their length. */
const REMEMBERED = 32;

/**
 * The last string made for each length up to REMEMBERED. A pipeline repeats arguments (one counter, one
 * list, one hash and its values): handing out the same string skips the C++ call, and a key's Map hash,
 * cached in the string by V8, is not computed again. By length, so a key and its value never evict each
 * other. Strings are immutable, so sharing one between a caller and a stored value is safe.
 */
const last: string[] = new Array<string>(REMEMBERED + 1).fill('');
/**
 * The command argument each of those strings was last handed out for (argLatin1): the request parser
 * hands out a repeated argument's Buffer again (request-parser.ts, lastArgs), and nothing writes to
 * arguments, so the same Buffer answers the same string without comparing its bytes. Only arguments:
 * other Buffers may be written in place (a value SETBIT, SETRANGE or BITFIELD edits).
 */
const lastFrom: (Buffer | undefined)[] = new Array<Buffer | undefined>(REMEMBERED + 1).fill(undefined);

/** The bytes of `b` as a latin1 string (one char per byte). */
export function latin1(b: Buffer): string {
  const n = b.length;
  if (n > REMEMBERED) return slice(b, n);
  const s = last[n]!;
  // From the end: keys that differ (counters, ids) mostly differ in their last bytes.
  let i = n - 1;
  while (i >= 0 && s.charCodeAt(i) === b[i]) i--;
  if (i < 0) return s;
  // Another string for this length: no argument stands for it any more.
  lastFrom[n] = undefined;
  return (last[n] = n <= 8 ? fromCodes(b, n) : slice(b, n));
}

/**
 * latin1 of a command argument (never written to, unlike a Buffer a command edits in place): the last
 * one of its length, given again by the parser, is known by identity.
 */
export function argLatin1(b: Buffer): string {
  const n = b.length;
  if (n > REMEMBERED) return slice(b, n);
  if (b === lastFrom[n]) return last[n]!;
  const s = latin1(b);
  lastFrom[n] = b;
  return s;
}

/** latin1Slice is what toString('latin1') ends in, without its encoding lookup and argument checks. */
const slice = (b: Buffer, n: number): string => (b as Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(0, n);

/** Up to 8 bytes in plain JS: a flat string made without leaving V8, 2-3x faster than the C++ slice. */
function fromCodes(b: Buffer, n: number): string {
  switch (n) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[0]!);
    case 2:
      return String.fromCharCode(b[0]!, b[1]!);
    case 3:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!);
    case 4:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
    case 5:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!);
    case 6:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!);
    case 7:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!);
    default:
      return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!, b[6]!, b[7]!);
  }
}
