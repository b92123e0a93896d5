import type { CommandStat } from './info/stats.js';
import type { CommandContext, CommandSpec, HandlerResult } from './types.js';

/**
 * Not flagged fast in Redis only because a value may be large or the keys many: their work is copying
 * what arrived, however much data is held.
 */
const STORES_ITS_ARGUMENTS = new Set(['set', 'setex', 'psetex', 'mset', 'msetnx']);

/**
 * A command as the engine's table holds it: the spec's fields copied into one class, so every command
 * has the same hidden class and the loads on the per-command path stay monomorphic (the specs
 * themselves come from many files in many shapes), plus what the bookkeeping around each call needs,
 * worked out once instead of per call.
 */
export class CommandEntry implements CommandSpec {
  readonly name: string;
  readonly arity: number;
  readonly flags: string[];
  readonly firstKey: number;
  readonly lastKey: number;
  readonly step: number;
  readonly handler: (ctx: CommandContext, args: Buffer[]) => HandlerResult;
  readonly subcommands: CommandEntry[] | undefined;
  /** Its INFO commandstats record, once it has run (INFO lists only the commands that ran). */
  stat: CommandStat | undefined = undefined;
  /** Read-only with keys by position: INFO's keyspace hits and misses count them (info/lookups.ts). */
  readonly readsKeys: boolean;
  /** Redis's `write` flag: only these count elements for Redis's dirty or go to the AOF as sent. */
  readonly writes: boolean;
  /** A stream write (X... with the write flag): only these may change a stream's groups in place. */
  readonly mayWriteStreams: boolean;
  /**
   * Its work is bounded by the arguments that came with it, not by the data held: Redis's `fast` flag
   * (O(1) or O(log N) in the data), or one of the string stores. The next command in the same batch may
   * reuse the time read for it (clock.ts, forCommand).
   */
  readonly quick: boolean;

  constructor(spec: CommandSpec) {
    this.name = spec.name;
    this.arity = spec.arity;
    this.flags = spec.flags;
    this.firstKey = spec.firstKey;
    this.lastKey = spec.lastKey;
    this.step = spec.step;
    this.handler = spec.handler;
    this.subcommands = spec.subcommands?.map((sub) => new CommandEntry(sub));
    this.readsKeys = spec.firstKey > 0 && spec.flags.includes('readonly');
    this.writes = spec.flags.includes('write');
    this.mayWriteStreams = spec.name.charCodeAt(0) === 0x78 && this.writes;
    this.quick = spec.flags.includes('fast') || STORES_ITS_ARGUMENTS.has(spec.name);
  }
}
