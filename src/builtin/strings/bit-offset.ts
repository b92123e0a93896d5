import { parseInt64 } from '../numbers.js';
import { fail } from '../util/reply-error.js';
import { MAX_STRING } from '../commands/string-value.js';

export const BAD_OFFSET = 'ERR bit offset is not an integer or out of range';

/**
 * Redis's getBitOffsetFromArgument: a bit offset below proto-max-bulk-len bytes (2^32 bits). With
 * `bits` (BITFIELD), `#n` means n fields of that width; the product wraps at 64 bits as C's does.
 */
export function bitOffsetArg(arg: Buffer, bits = 0): number {
  const hash = bits > 0 && arg[0] === 0x23;
  let offset = parseInt64(hash ? arg.subarray(1) : arg);
  if (offset === null) fail(BAD_OFFSET);
  if (hash) offset = BigInt.asIntN(64, offset * BigInt(bits));
  if (offset < 0n || offset >> 3n >= BigInt(MAX_STRING)) fail(BAD_OFFSET);
  return Number(offset);
}
