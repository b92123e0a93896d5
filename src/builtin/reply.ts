import type { RespReply } from '../resp/types.js';
import { formatDouble } from './util/format-double.js';

/**
 * What a handler answers: a RESP2 reply, or one of the richer values that RESP3 gives its own type.
 * The reply writer encodes each per the client's protocol; in RESP2 every rich value becomes exactly
 * what Redis 7.0 writes there (a map and a set an array, a double a bulk string, a push an array), and
 * a null bulk or null array is `_` in RESP3.
 */
export type Reply =
  | Exclude<RespReply, { type: 'array' | 'integer' }>
  /**
   * A number when the handler counted it as one (exact: within 2^53), so the hot replies (INCR, SADD,
   * HSET, LPUSH) make no BigInt that the writer would only turn back into a number; a bigint otherwise.
   */
  | { type: 'integer'; value: number | bigint }
  | { type: 'array'; value: Reply[] | null }
  /** Keys and values, flat: k1, v1, k2, v2 ... (RESP3 `%`, RESP2 an array twice as long). */
  | { type: 'map'; value: Reply[] }
  /** RESP3 `~`, RESP2 an array. */
  | { type: 'set'; value: Reply[] }
  /** `text` is "%.17g" with inf/-inf (RESP3 `,text`, RESP2 a bulk string). */
  | { type: 'double'; value: string }
  /**
   * Pairs, flat: a1, b1, a2, b2 ... (ZRANGE WITHSCORES, HRANDFIELD WITHVALUES): RESP2 one flat array,
   * RESP3 an array of two-element arrays, as Redis 7.0 answers them.
   */
  | { type: 'pairs'; value: Reply[] }
  /** Out-of-band data (pub/sub): RESP3 `>`, RESP2 an array. */
  | { type: 'push'; value: Reply[] }
  /** RESP3 `=len\r\ntxt:...` (INFO), RESP2 a bulk string. */
  | { type: 'verbatim'; value: Buffer }
  /** RESP3 `#t`/`#f`, RESP2 `:1`/`:0` (DEBUG PROTOCOL true/false). */
  | { type: 'bool'; value: boolean }
  /** RESP3 `(digits`, RESP2 a bulk string (DEBUG PROTOCOL bignum). */
  | { type: 'bignum'; value: string }
  /** RESP3 `|n` and the attribute's pairs, then `then`; RESP2 only `then` (DEBUG PROTOCOL attrib). */
  | { type: 'attribute'; value: Reply[]; then: Reply }
  /** Bytes written as they are in both protocols (SYNC's payload, which has no trailing CRLF). */
  | { type: 'raw'; value: Buffer }
  /**
   * An array of bulk strings held as the keyspace holds them (latin1 strings, types.ts's Bytes): written
   * straight into the reply buffer, with no Buffer made per element (LRANGE).
   */
  | { type: 'bulks'; value: string[] }
  /** One bulk string held as the keyspace holds it (a latin1 string): written straight into the reply buffer (GET, LPOP). */
  | { type: 'latin1'; value: string };

/** An integer reply holding `value` as it is given (resp/types.ts's `integer` makes a BigInt of every one). */
export const integer = (value: number | bigint): Reply => ({ type: 'integer', value });
export const arrayOf = (value: Reply[] | null): Reply => ({ type: 'array', value });
export const bulks = (value: string[]): Reply => ({ type: 'bulks', value });
export const latin1Bulk = (value: string): Reply => ({ type: 'latin1', value });
export const map = (value: Reply[]): Reply => ({ type: 'map', value });
export const setReply = (value: Reply[]): Reply => ({ type: 'set', value });
export const double = (value: number): Reply => ({ type: 'double', value: formatDouble(value) });
export const pairs = (value: Reply[]): Reply => ({ type: 'pairs', value });
export const push = (value: Reply[]): Reply => ({ type: 'push', value });
export const verbatim = (value: Buffer | string): Reply => ({ type: 'verbatim', value: typeof value === 'string' ? Buffer.from(value) : value });
