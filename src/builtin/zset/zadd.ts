import { integer, NIL } from '../../resp/types.js';
import { toBytes, type CommandContext, type HandlerResult } from '../types.js';
import { doubleArg, keyword } from '../util/args.js';
import { double } from '../reply.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { newZset, putMember, zsetAt } from './zset-value.js';

interface Flags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
  ch: boolean;
  incr: boolean;
}

const isLetter = (byte: number): boolean => ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a);

/** zaddGenericCommand: ZADD, and ZINCRBY (which is ZADD INCR and parses the same options, oddly). */
export function zadd({ db }: CommandContext, args: Buffer[], forceIncr: boolean): HandlerResult {
  const flags: Flags = { nx: false, xx: false, gt: false, lt: false, ch: false, incr: forceIncr };
  let at = 2;
  // Every flag starts with a letter: a score starting with a digit or a sign ends them without a keyword made.
  for (; at < args.length && isLetter(args[at]![0]!); at++) {
    const word = keyword(args[at]);
    if (word in flags && word !== 'incr') flags[word as keyof Flags] = true;
    else if (word === 'incr') flags.incr = true;
    else break;
  }
  const pairs = args.length - at;
  if (pairs % 2 !== 0 || pairs === 0) fail(SYNTAX_ERROR);
  if (flags.xx && flags.nx) fail('ERR XX and NX options at the same time are not compatible');
  if ((flags.gt && flags.nx) || (flags.lt && flags.nx) || (flags.gt && flags.lt)) fail('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (flags.incr && pairs > 2) fail('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = at; j < args.length; j += 2) scores.push(doubleArg(args[j]!));

  const key = toBytes(args[1]!);
  let z = zsetAt(db, key);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  if (z === undefined && !flags.xx) db.set(key, (z = newZset(toBytes(args[at + 1]!))));
  if (z !== undefined) {
    for (let j = 0; j < scores.length; j++) {
      const member = toBytes(args[at + 1 + 2 * j]!);
      let next = scores[j]!;
      const current = z.value.score(member);
      if (current !== undefined) {
        if (flags.nx) continue;
        if (flags.incr) {
          next += current;
          if (Number.isNaN(next)) fail('ERR resulting score is not a number (NaN)');
        }
        if ((flags.lt && next >= current) || (flags.gt && next <= current)) continue;
        processed++;
        score = next;
        if (next !== current) {
          putMember(z, member, next);
          updated++;
        }
      } else if (!flags.xx) {
        putMember(z, member, next);
        added++;
        processed++;
        score = next;
      }
    }
    if (added + updated > 0) db.touched(key);
  }
  if (flags.incr) return processed > 0 ? double(score) : NIL;
  return integer(flags.ch ? added + updated : added);
}
