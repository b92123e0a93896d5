import { NIL } from '../../resp/types.js';
import { toBytes, type CommandContext, type HandlerResult } from '../types.js';
import { doubleArg, keyword } from '../util/args.js';
import { double, integer } from '../reply.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { argLatin1 } from '../latin1.js';
import { newZset, putMember, zsetAt } from './zset-value.js';

/** ZADD's options as bits: no object made per call. */
const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;
const CH = 16;
const INCR = 32;

const isLetter = (byte: number): boolean => ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a);

/** An option's bit; 0 for any other word, where the scores start (as Redis's strcasecmp chain). */
function option(arg: Buffer): number {
  switch (keyword(arg)) {
    case 'nx':
      return NX;
    case 'xx':
      return XX;
    case 'gt':
      return GT;
    case 'lt':
      return LT;
    case 'ch':
      return CH;
    case 'incr':
      return INCR;
    default:
      return 0;
  }
}

/** zaddGenericCommand: ZADD, and ZINCRBY (which is ZADD INCR and parses the same options, oddly). */
export function zadd({ db }: CommandContext, args: Buffer[], forceIncr: boolean): HandlerResult {
  let flags = forceIncr ? INCR : 0;
  let at = 2;
  // Every option starts with a letter: a score starting with a digit or a sign ends them without a keyword made.
  for (; at < args.length && isLetter(args[at]![0]!); at++) {
    const bit = option(args[at]!);
    if (bit === 0) break;
    flags |= bit;
  }
  const pairs = (args.length - at) / 2;
  if (!Number.isInteger(pairs) || pairs === 0) fail(SYNTAX_ERROR);
  if ((flags & (XX | NX)) === (XX | NX)) fail('ERR XX and NX options at the same time are not compatible');
  if (((flags & (GT | LT)) !== 0 && (flags & NX) !== 0) || (flags & (GT | LT)) === (GT | LT)) fail('ERR GT, LT, and/or NX options at the same time are not compatible');
  if ((flags & INCR) !== 0 && pairs > 1) fail('ERR INCR option supports a single increment-element pair');
  // Every score is read before anything is written (a bad one fails the command whole); one pair, the
  // usual case, needs no array.
  const first = doubleArg(args[at]!);
  const scores = pairs === 1 ? undefined : restScores(args, at, pairs);

  const key = toBytes(args[1]!);
  let z = zsetAt(db, key);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  if (z === undefined && (flags & XX) === 0) db.set(key, (z = newZset(argLatin1(args[at + 1]!))));
  if (z !== undefined) {
    for (let j = 0; j < pairs; j++) {
      // latin1, not toBytes: a member is no key, so no read of it follows (info/lookups.ts), and toBytes keeps the key's.
      const member = argLatin1(args[at + 1 + 2 * j]!);
      let next = j === 0 ? first : scores![j]!;
      const current = z.value.score(member);
      if (current !== undefined) {
        if ((flags & NX) !== 0) continue;
        if ((flags & INCR) !== 0) {
          next += current;
          if (Number.isNaN(next)) fail('ERR resulting score is not a number (NaN)');
        }
        if (((flags & LT) !== 0 && next >= current) || ((flags & GT) !== 0 && next <= current)) continue;
        processed++;
        score = next;
        if (next !== current) {
          putMember(z, member, next);
          updated++;
        }
      } else if ((flags & XX) === 0) {
        putMember(z, member, next);
        added++;
        processed++;
        score = next;
      }
    }
    if (added + updated > 0) db.touched(key);
  }
  if ((flags & INCR) !== 0) return processed > 0 ? double(score) : NIL;
  return integer((flags & CH) !== 0 ? added + updated : added);
}

/** The scores of the pairs after the first (at args[at + 2], args[at + 4] ...), by pair; [0] unused. */
function restScores(args: Buffer[], at: number, pairs: number): number[] {
  const scores = new Array<number>(pairs).fill(0);
  for (let j = 1; j < pairs; j++) scores[j] = doubleArg(args[at + 2 * j]!);
  return scores;
}
