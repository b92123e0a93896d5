import { array, bulk, type RespReply } from '../../resp/types.js';
import { globMatch } from '../glob.js';
import { fromBytes, type Bytes } from '../types.js';
import { keyword, longArg } from './args.js';
import { fail, SYNTAX_ERROR } from './reply-error.js';

/** SCAN cursors as Redis reads them (strtoul): digits, an optional sign, nothing else; "" reads as 0. */
export function parseCursor(arg: Buffer): number {
  const text = arg.toString('latin1');
  const m = /^([+-]?)([0-9]*)$/.exec(text);
  if (m === null || (m[1] !== '' && m[2] === '') || (m[2]!.length > 0 && BigInt(m[2]!) > 18446744073709551615n)) fail('ERR invalid cursor');
  const value = m[2] === '' ? 0 : Number(m[2]);
  // strtoul negates in unsigned arithmetic: "-1" is the largest cursor, past the end of anything.
  return m[1] === '-' && value !== 0 ? Number.MAX_SAFE_INTEGER : value;
}

export interface ScanOptions {
  count: number;
  pattern: Bytes | undefined;
}

/** HSCAN/SSCAN/ZSCAN options after the cursor (TYPE belongs to SCAN alone). */
export function parseScanOptions(args: Buffer[], from: number): ScanOptions {
  let count = 10;
  let pattern: Bytes | undefined;
  for (let i = from; i < args.length; i += 2) {
    const option = keyword(args[i]);
    if (i + 1 >= args.length) fail(SYNTAX_ERROR);
    if (option === 'count') {
      count = longArg(args[i + 1]!);
      if (count < 1) fail(SYNTAX_ERROR);
    } else if (option === 'match') {
      const p = args[i + 1]!.toString('latin1');
      pattern = p === '*' ? undefined : p;
    } else {
      fail(SYNTAX_ERROR);
    }
  }
  return { count, pattern };
}

/**
 * One SCAN step over `entries` (a member, and a value for hashes and zsets). Small encodings (listpack,
 * intset) answer everything in one call with cursor 0, as Redis does. For big encodings Redis walks hash
 * buckets in an order no client can predict; here the cursor is a position in insertion order, COUNT
 * entries per call, which keeps SCAN's guarantees (nothing present throughout is missed or repeated
 * while the collection does not change).
 */
export function scanStep(entries: Array<[Bytes, Bytes?]>, cursor: number, options: ScanOptions, small: boolean): RespReply {
  const from = small ? 0 : cursor;
  const to = small ? entries.length : Math.min(entries.length, cursor + options.count);
  const next = to >= entries.length ? 0 : to;
  const out: RespReply[] = [];
  for (let i = from; i < to; i++) {
    const [member, value] = entries[i]!;
    if (options.pattern !== undefined && !globMatch(options.pattern, member)) continue;
    out.push(bulk(fromBytes(member)));
    if (value !== undefined) out.push(bulk(fromBytes(value)));
  }
  return array([bulk(String(next)), array(out)]);
}

export const EMPTY_SCAN: RespReply = array([bulk('0'), array([])]);
