import { fail } from './reply-error.js';

/**
 * SRANDMEMBER and HRANDFIELD with a negative count answer that many picks, repeats allowed. Redis
 * streams even billions of them; the engine builds its reply in memory first, so it refuses a count
 * that would take the process down instead (a deviation, on purpose: a learner's typo must not crash
 * the tutor).
 */
export const MAX_REPEATED_PICKS = 1_000_000;

export function checkRepeatedPicks(n: number): void {
  if (n > MAX_REPEATED_PICKS) fail(`ERR count is too large for redis-tutor's built-in engine (at most ${MAX_REPEATED_PICKS} with a negative count)`);
}
