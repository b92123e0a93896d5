import { NOT_INTEGER, parseInt64 } from '../numbers.js';
import { fail } from '../util/reply-error.js';

const LLONG_MAX = 2n ** 63n - 1n;

export const expireTimeError = (command: string): string => `ERR invalid expire time in '${command}' command`;

/**
 * SET/GETEX/SETEX's expiry argument (getExpireMillisecondsOrReply): a positive integer, in seconds or
 * milliseconds, relative or absolute; the absolute time in ms, or the error Redis gives.
 */
export function optionExpireAt(arg: Buffer, seconds: boolean, relative: boolean, now: number, command: string): number {
  let ms = parseInt64(arg);
  if (ms === null) fail(NOT_INTEGER);
  if (ms <= 0n || (seconds && ms > LLONG_MAX / 1000n)) fail(expireTimeError(command));
  if (seconds) ms *= 1000n;
  if (relative) ms += BigInt(now);
  if (ms > LLONG_MAX) fail(expireTimeError(command));
  return Number(ms);
}
