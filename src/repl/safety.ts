import type { Arg } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';
import { replMsg } from './messages.js';

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

/**
 * On a server the tutor did not start: 'run' when the command is harmless (or KEYS * on a small database)
 * or the learner said yes; otherwise why not, for pipe mode (`refused`) or after a "no" (`declined`).
 */
export async function vetDanger(
  args: readonly Arg[],
  confirm: ((question: string) => Promise<boolean>) | undefined,
  dbsize: () => Promise<RespReply>,
): Promise<'run' | { refused?: string; declined?: true }> {
  const found = danger(args);
  if (found === undefined) return 'run';
  const command = args.slice(0, found.kind === 'server' && args.length > 1 ? 2 : 1).map(String).join(' ').toUpperCase();
  let why = found.kind === 'data' ? replMsg.whyFlush() : replMsg.whyStop();
  if (found.kind === 'keys') {
    const size = await dbsize();
    if (size.type !== 'integer' || size.value <= BigInt(LARGE_DATABASE)) return 'run';
    why = replMsg.whyKeys(Number(size.value));
  }
  if (confirm === undefined) return { refused: replMsg.refusedInPipe(`${command}${found.kind === 'keys' ? ' *' : ''}`) };
  return (await confirm(replMsg.confirm(command, why))) ? 'run' : { declined: true };
}
