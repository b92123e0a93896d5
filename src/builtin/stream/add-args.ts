import { NOT_INTEGER, parseInt64 } from '../numbers.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { MIN_ID, parseIdArg, strictId, type StreamId } from './id.js';
import { defaultTrimLimit, type NodeLimits } from './limits.js';
import type { TrimArgs } from './trim.js';

export interface AddArgs {
  trim: TrimArgs | undefined;
  noMkStream: boolean;
  /** The explicit id, undefined for `*`. */
  id: StreamId | undefined;
  seqGiven: boolean;
  /** Index of the id argument (the fields follow it). */
  idIndex: number;
}

const isWord = (arg: Buffer, word: string): boolean => arg.length === word.length && arg.toString('latin1').toLowerCase() === word;
const isChar = (arg: Buffer | undefined, c: string): boolean => arg !== undefined && arg.length === 1 && arg.toString('latin1') === c;

/**
 * streamParseAddOrTrimArgsOrReply for XADD (`xadd`) and XTRIM, in Redis's order of checks: MAXLEN and
 * MINID with an optional `=` or `~`, LIMIT, NOMKSTREAM and the id (XADD), then the combinations.
 */
export function parseAddOrTrim(args: Buffer[], xadd: boolean, limits: NodeLimits): AddArgs {
  let trim: TrimArgs | undefined;
  let limit = 0;
  let limitGiven = false;
  let noMkStream = false;
  let id: StreamId | undefined;
  let seqGiven = true;
  let i = 2;
  for (; i < args.length; i++) {
    const more = args.length - 1 - i;
    const opt = args[i]!;
    if (xadd && isChar(opt, '*')) break;
    const maxlen = isWord(opt, 'maxlen');
    if ((maxlen || isWord(opt, 'minid')) && more > 0) {
      if (trim !== undefined) fail('ERR syntax error, MAXLEN and MINID options at the same time are not compatible');
      let approx = false;
      if (more >= 2 && isChar(args[i + 1], '~')) {
        approx = true;
        i++;
      } else if (more >= 2 && isChar(args[i + 1], '=')) i++;
      const value = args[i + 1]!;
      if (maxlen) {
        const n = parseInt64(value) ?? fail(NOT_INTEGER);
        if (n < 0n) fail('ERR The MAXLEN argument must be >= 0.');
        trim = { strategy: 'maxlen', maxlen: Number(n), minid: MIN_ID, approx, limit: 0 };
      } else {
        trim = { strategy: 'minid', maxlen: 0, minid: strictId(value), approx, limit: 0 };
      }
      i++;
    } else if (isWord(opt, 'limit') && more > 0) {
      const n = parseInt64(args[i + 1]!) ?? fail(NOT_INTEGER);
      if (n < 0n) fail('ERR The LIMIT argument must be >= 0.');
      limit = Number(n);
      limitGiven = true;
      i++;
    } else if (xadd && isWord(opt, 'nomkstream')) {
      noMkStream = true;
    } else if (xadd) {
      const parsed = parseIdArg(opt, { strict: true, allowSeqStar: true });
      id = parsed.id;
      seqGiven = parsed.seqGiven;
      break;
    } else fail(SYNTAX_ERROR);
  }
  if (limit !== 0 && trim === undefined) fail('ERR syntax error, LIMIT cannot be used without specifying a trimming strategy');
  if (!xadd && trim === undefined) fail('ERR syntax error, XTRIM must be called with a trimming strategy');
  if (limitGiven && trim?.approx !== true) fail('ERR syntax error, LIMIT cannot be used without the special ~ option');
  if (trim !== undefined) trim.limit = limitGiven ? limit : trim.approx ? defaultTrimLimit(limits) : 0;
  return { trim, noMkStream, id, seqGiven, idIndex: i };
}
