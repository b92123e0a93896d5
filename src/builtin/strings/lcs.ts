import { bulk, integer } from '../../resp/types.js';
import { arrayOf, map, type Reply } from '../reply.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { MAX_STRING } from '../commands/string-value.js';

const EMPTY = Buffer.alloc(0);

/** One run of matching bytes, found walking back from the ends: [aStart, aEnd, bStart, bEnd]. */
type Match = [number, number, number, number];

/**
 * The longest common subsequence by Redis's table (t_string.c's lcsCommand): the table of LCS lengths of
 * every pair of prefixes, then a walk back from the ends that collects the subsequence and the runs of
 * contiguous matches, last run first, as Redis emits them.
 */
export function longestCommon(a: Buffer, b: Buffer): { text: Buffer; matches: Match[]; length: number } {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    const row = i * width;
    const above = row - width;
    const ai = a[i - 1];
    // The cell to the left and the one above-left ride along in locals: one table read per cell.
    let left = 0;
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = table[above + j]!;
      const cell = ai === b[j - 1] ? diagonal + 1 : up > left ? up : left;
      table[row + j] = cell;
      left = cell;
      diagonal = up;
    }
  }
  const length = table[a.length * width + b.length]!;
  const text = Buffer.alloc(length);
  const matches: Match[] = [];
  let run: Match | undefined;
  let k = length;
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      text[--k] = a[i - 1]!;
      if (run === undefined) run = [i - 1, i - 1, j - 1, j - 1];
      else {
        run[0]--;
        run[2]--;
      }
      i--;
      j--;
      if (i === 0 || j === 0) matches.push(run);
    } else {
      if (table[(i - 1) * width + j]! > table[i * width + j - 1]!) i--;
      else j--;
      if (run !== undefined) matches.push(run);
      run = undefined;
    }
  }
  return { text, matches, length };
}

/** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]. */
export const lcsCommand: CommandSpec = command('lcs', -3, ['readonly'], [1, 2, 1], ({ db }, args) => {
  const va = db.get(toBytes(args[1]!));
  const vb = db.get(toBytes(args[2]!));
  if ((va !== undefined && va.type !== 'string') || (vb !== undefined && vb.type !== 'string')) fail('ERR The specified keys must contain string values');
  const a = va?.type === 'string' ? va.value : EMPTY;
  const b = vb?.type === 'string' ? vb.value : EMPTY;
  let idx = false;
  let len = false;
  let withLen = false;
  let minLen = 0n;
  for (let j = 3; j < args.length; j++) {
    const opt = keyword(args[j]);
    if (opt === 'idx') idx = true;
    else if (opt === 'len') len = true;
    else if (opt === 'withmatchlen') withLen = true;
    else if (opt === 'minmatchlen' && j + 1 < args.length) {
      minLen = integerArg(args[++j]!);
      if (minLen < 0n) minLen = 0n;
    } else fail(SYNTAX_ERROR);
  }
  if (idx && len) fail('ERR If you want both the length and indexes, please just use IDX.');
  if ((a.length + 1) * (b.length + 1) * 4 > MAX_STRING) fail('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
  const found = longestCommon(a, b);
  if (len) return integer(found.length);
  if (!idx) return bulk(found.text);
  const ranges: Reply[] = [];
  for (const [aStart, aEnd, bStart, bEnd] of found.matches) {
    const size = aEnd - aStart + 1;
    if (size < minLen) continue;
    const range: Reply[] = [arrayOf([integer(aStart), integer(aEnd)]), arrayOf([integer(bStart), integer(bEnd)])];
    if (withLen) range.push(integer(size));
    ranges.push(arrayOf(range));
  }
  return map([bulk('matches'), arrayOf(ranges), bulk('len'), integer(found.length)]);
});
