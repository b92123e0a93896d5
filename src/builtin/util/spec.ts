import type { CommandContext, CommandSpec, HandlerResult } from '../types.js';
import { guarded } from './reply-error.js';

/** A CommandSpec in one line: name, arity, flags, [firstKey, lastKey, step] as COMMAND INFO gives them. */
export function command(
  name: string,
  arity: number,
  flags: string[],
  keys: [number, number, number],
  handler: (ctx: CommandContext, args: Buffer[]) => HandlerResult,
): CommandSpec {
  const [firstKey, lastKey, step] = keys;
  return { name, arity, flags, firstKey, lastKey, step, handler: guarded(handler) };
}
