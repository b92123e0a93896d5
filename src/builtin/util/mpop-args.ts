import type { Bytes } from '../types.js';
import { integerArg, keyword } from './args.js';
import { fail, SYNTAX_ERROR } from './reply-error.js';

export interface MpopArgs<W extends string> {
  keys: Bytes[];
  where: W;
  count: number;
}

/**
 * LMPOP/ZMPOP (and their blocking forms) after the command name and timeout: numkeys key [key ...]
 * where [COUNT count], with Redis's messages and order of checks.
 */
export function parseMpop<W extends string>(args: Buffer[], numkeysAt: number, wheres: readonly W[]): MpopArgs<W> {
  const numkeys = integerArg(args[numkeysAt]!, 'ERR numkeys should be greater than 0');
  if (numkeys < 1n) fail('ERR numkeys should be greater than 0');
  const whereAt = numkeysAt + Number(numkeys) + 1;
  if (whereAt >= args.length) fail(SYNTAX_ERROR);
  const where = keyword(args[whereAt]) as W;
  if (!wheres.includes(where)) fail(SYNTAX_ERROR);
  let count = -1;
  for (let j = whereAt + 1; j < args.length; j++) {
    if (count === -1 && keyword(args[j]) === 'count' && j + 1 < args.length) {
      const n = integerArg(args[++j]!, 'ERR count should be greater than 0');
      if (n < 1n) fail('ERR count should be greater than 0');
      count = Number(n);
    } else {
      fail(SYNTAX_ERROR);
    }
  }
  const keys = args.slice(numkeysAt + 1, whereAt).map((k) => k.toString('latin1'));
  return { keys, where, count: count === -1 ? 1 : count };
}
