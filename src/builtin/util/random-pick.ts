import { integerArg, keyword } from './args.js';
import { fail, SYNTAX_ERROR } from './reply-error.js';
import { checkRepeatedPicks } from './repeat-limit.js';

const LONG_MAX = 2n ** 63n - 1n;

export const randomIndex = (n: number): number => Math.floor(Math.random() * n);

/**
 * The `count [WITHVALUES|WITHSCORES]` part of HRANDFIELD and ZRANDMEMBER, checked in Redis's order:
 * the count's range, then the syntax, then the tighter range a count with the extra word has.
 */
export function randomCountArgs(args: Buffer[], withWord: string): { count: bigint; withExtra: boolean } {
  const count = integerArg(args[2]!);
  if (count < -LONG_MAX) fail(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
  if (args.length > 4 || (args.length === 4 && keyword(args[3]) !== withWord)) fail(SYNTAX_ERROR);
  const withExtra = args.length === 4;
  if (withExtra && (count < -LONG_MAX / 2n || count > LONG_MAX / 2n)) fail('ERR value is out of range');
  return { count, withExtra };
}

/**
 * Picks `count` of `entries` as Redis does: a negative count (or 1) picks that many with repeats; a count
 * at least the size answers `whole(entries)` in the order Redis walks it; a smaller one picks distinct
 * entries at random. `entries` is the caller's own copy and may be reordered.
 */
export function pickRandom<T>(entries: T[], count: bigint, whole: (entries: T[]) => T[]): T[] {
  if (count < 0n || count === 1n) {
    const n = Number(count < 0n ? -count : count);
    checkRepeatedPicks(n);
    return Array.from({ length: n }, () => entries[randomIndex(entries.length)]!);
  }
  if (count >= BigInt(entries.length)) return whole(entries);
  return distinct(entries, Number(count));
}

/** `count` distinct entries picked at random (a partial Fisher-Yates shuffle of the caller's copy). */
export function distinct<T>(entries: T[], count: number): T[] {
  for (let i = 0; i < count; i++) {
    const j = i + randomIndex(entries.length - i);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return entries.slice(0, count);
}
