/**
 * Commands that change or stop a whole server. On a server the tutor did not start they ask first
 * (interactive) or are refused (pipe mode) unless --yes; on the tutor's own server they just run.
 */
export type Danger = { kind: 'data' | 'server' } | { kind: 'keys' };

/** A database bigger than this makes `KEYS *` a real stall. */
export const LARGE_DATABASE = 1000;

const NAMES = new Set(['FLUSHALL', 'FLUSHDB', 'SWAPDB', 'MIGRATE', 'SHUTDOWN', 'DEBUG', 'CONFIG', 'KEYS']);

export function danger(args: readonly (Buffer | string)[]): Danger | undefined {
  const name = args[0]?.toString().toUpperCase() ?? '';
  if (!NAMES.has(name)) return undefined;
  const sub = args[1]?.toString().toUpperCase() ?? '';
  if (name === 'FLUSHALL' || name === 'FLUSHDB' || name === 'SWAPDB' || name === 'MIGRATE') return { kind: 'data' };
  if (name === 'SHUTDOWN' || name === 'DEBUG' || (name === 'CONFIG' && sub === 'SET')) return { kind: 'server' };
  if (name === 'KEYS' && args.length === 2 && args[1]?.toString() === '*') return { kind: 'keys' };
  return undefined;
}
