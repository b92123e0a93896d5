import { toBytes, type Bytes, type CommandSpec } from '../types.js';

/**
 * The keys a stream command may have changed without a keyspace write. XREADGROUP, XACK, XCLAIM,
 * XAUTOCLAIM and XGROUP change consumer groups in place and, as in Redis, do not tell WATCH; the AOF
 * must still record those streams. Any other command: none (their writes reach the keyspace's events).
 */
export function streamKeysWritten(spec: CommandSpec, args: Buffer[]): Bytes[] {
  if (spec.name.charCodeAt(0) !== 0x78 || !spec.flags.includes('write')) return [];
  if (spec.name === 'xreadgroup') {
    const at = args.findIndex((a, i) => i > 0 && a.toString('latin1').toLowerCase() === 'streams');
    if (at < 0) return [];
    const count = Math.floor((args.length - at - 1) / 2);
    return args.slice(at + 1, at + 1 + count).map(toBytes);
  }
  if (spec.firstKey <= 0) return [];
  const last = spec.lastKey < 0 ? args.length + spec.lastKey : spec.lastKey;
  const keys: Bytes[] = [];
  for (let i = spec.firstKey; i <= last && i < args.length; i += Math.max(1, spec.step)) keys.push(toBytes(args[i]!));
  return keys;
}
