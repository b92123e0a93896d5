import { strtod } from '../util/strtod.js';
import { fail } from '../util/reply-error.js';

const LLONG_MAX = 9223372036854775807;
/** Node's timers fire at once beyond this; a wait capped at ~24.8 days is indistinguishable in practice. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A blocking command's timeout in seconds, as Redis 7.0's getTimeoutFromObjectOrReply reads it: a long
 * double, multiplied by 1000 and truncated to whole milliseconds (so 0.0001 means "forever"); a value that
 * does not fit a 64-bit integer after that (inf, 1e400) comes out negative, as the C cast does on x86.
 * Returns milliseconds, 0 meaning forever.
 */
export function parseTimeout(arg: Buffer): number {
  const text = arg.toString('latin1');
  const parsed = strtod(text);
  if (text.length === 0 || /^[ \t\n\v\f\r]/.test(text) || parsed.end !== text.length || Number.isNaN(parsed.value)) {
    fail('ERR timeout is not a float or out of range');
  }
  const ms = parsed.value * 1000;
  if (!(ms > -LLONG_MAX && ms < LLONG_MAX) || Math.trunc(ms) < 0) fail('ERR timeout is negative');
  // Redis 7.0 has no "out of range" check: a huge timeout simply waits (here, as long as a timer can).
  return Math.min(Math.trunc(ms) + 0, MAX_TIMER_MS);
}
