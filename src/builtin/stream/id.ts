import { fail } from '../util/reply-error.js';

/** A stream entry id: two unsigned 64-bit numbers, milliseconds and sequence. */
export interface StreamId {
  readonly ms: bigint;
  readonly seq: bigint;
}

export const U64_MAX = 2n ** 64n - 1n;
export const MIN_ID: StreamId = { ms: 0n, seq: 0n };
export const MAX_ID: StreamId = { ms: U64_MAX, seq: U64_MAX };
export const INVALID_ID = 'ERR Invalid stream ID specified as stream command argument';

export const compareIds = (a: StreamId, b: StreamId): number => (a.ms !== b.ms ? (a.ms < b.ms ? -1 : 1) : a.seq === b.seq ? 0 : a.seq < b.seq ? -1 : 1);
export const isZero = (id: StreamId): boolean => id.ms === 0n && id.seq === 0n;
export const formatId = (id: StreamId): string => `${id.ms}-${id.seq}`;

/**
 * A fixed-width key that sorts as the id does (Redis keys its radix trees by the id's 16 big-endian
 * bytes; these are the same bytes as hex), for maps of pending entries.
 */
export const idKey = (id: StreamId): string => id.ms.toString(16).padStart(16, '0') + id.seq.toString(16).padStart(16, '0');
export const idFromKey = (key: string): StreamId => ({ ms: BigInt(`0x${key.slice(0, 16)}`), seq: BigInt(`0x${key.slice(16)}`) });

/** The next id, or undefined after the last possible one (streamIncrID). */
export function nextId(id: StreamId): StreamId | undefined {
  if (id.seq !== U64_MAX) return { ms: id.ms, seq: id.seq + 1n };
  return id.ms === U64_MAX ? undefined : { ms: id.ms + 1n, seq: 0n };
}

/** The previous id, or undefined before 0-0 (streamDecrID). */
export function previousId(id: StreamId): StreamId | undefined {
  if (id.seq !== 0n) return { ms: id.ms, seq: id.seq - 1n };
  return id.ms === 0n ? undefined : { ms: id.ms - 1n, seq: U64_MAX };
}

const SPACE = /^[ \t\n\v\f\r]*/;

/**
 * string2ull: a strict integer first (no sign, spaces or leading zeros), then C's strtoull, which also
 * takes leading spaces, a sign (a '-' negates modulo 2^64) and leading zeros, but nothing after the digits.
 */
function string2ull(text: string): bigint | undefined {
  if (/^(0|[1-9][0-9]{0,18})$/.test(text) && BigInt(text) < 2n ** 63n) return BigInt(text);
  if (/^-[1-9][0-9]{0,18}$/.test(text) && BigInt(text) >= -(2n ** 63n)) return undefined;
  const rest = text.slice(SPACE.exec(text)![0].length);
  const m = /^([+-]?)([0-9]+)$/.exec(rest);
  if (m === null) return undefined;
  const v = BigInt(m[2]!);
  if (v > U64_MAX) return undefined;
  return m[1] === '-' ? (U64_MAX + 1n - v) & U64_MAX : v;
}

export interface ParsedId {
  id: StreamId;
  /** False for the `<ms>-*` form (XADD only): the sequence is to be generated. */
  seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply: `-` and `+` (unless strict), `<ms>` (the sequence is `missingSeq`),
 * `<ms>-<seq>`, and `<ms>-*` where `allowSeqStar`. The argument is a C string: it ends at a NUL byte.
 */
export function parseIdArg(arg: Buffer, options: { strict?: boolean; missingSeq?: bigint; allowSeqStar?: boolean } = {}): ParsedId {
  if (arg.length > 127) fail(INVALID_ID);
  const nul = arg.indexOf(0);
  const text = (nul < 0 ? arg : arg.subarray(0, nul)).toString('latin1');
  if (text === '-' || text === '+') {
    if (options.strict === true) fail(INVALID_ID);
    return { id: text === '-' ? MIN_ID : MAX_ID, seqGiven: true };
  }
  const dash = text.indexOf('-');
  const ms = string2ull(dash < 0 ? text : text.slice(0, dash));
  if (ms === undefined) fail(INVALID_ID);
  if (dash < 0) return { id: { ms, seq: options.missingSeq ?? 0n }, seqGiven: true };
  const seqText = text.slice(dash + 1);
  if (options.allowSeqStar === true && seqText === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = string2ull(seqText);
  if (seq === undefined) fail(INVALID_ID);
  return { id: { ms, seq }, seqGiven: true };
}

export const strictId = (arg: Buffer): StreamId => parseIdArg(arg, { strict: true }).id;

/**
 * streamParseIntervalIDOrReply plus the increment or decrement XRANGE, XPENDING and XAUTOCLAIM apply:
 * `(id` excludes the id (strict parsing after the parenthesis).
 */
export function intervalId(arg: Buffer, end: boolean): StreamId {
  const exclusive = arg.length > 1 && arg[0] === 0x28;
  if (!exclusive) return parseIdArg(arg, { missingSeq: end ? U64_MAX : 0n }).id;
  const id = parseIdArg(arg.subarray(1), { strict: true, missingSeq: end ? U64_MAX : 0n }).id;
  const moved = end ? previousId(id) : nextId(id);
  return moved ?? fail(end ? 'ERR invalid end ID for the interval' : 'ERR invalid start ID for the interval');
}
