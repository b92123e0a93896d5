import { array, error, OK, simple } from '../../resp/types.js';
import { arrayOf } from '../reply.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { parseMemory } from '../persistence/config-values.js';
import { toBytes, type CommandSpec, type HandlerResult } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';
import { datasetDigest, hex, valueDigest } from './debug-digest.js';
import { DEBUG_HELP } from './debug-help.js';
import { debugObjectLine } from './debug-object.js';
import { debugProtocol } from './debug-protocol.js';

/**
 * The DEBUG subcommands Redis's own test suite and a learner use, answered as Redis 7.0.15 does (with
 * enable-debug-command on): SLEEP, SET-ACTIVE-EXPIRE, QUICKLIST-PACKED-THRESHOLD, RELOAD, LOADAOF,
 * OBJECT, DIGEST, DIGEST-VALUE, PROTOCOL, CHANGE-REPL-ID, HELP. The others (crashes, allocator and hash-table
 * internals, replication knobs) answer the engine's "not available" error.
 */
const packedThreshold = new WeakMap<Engine, number>();

/** strtod's leading number, as DEBUG SLEEP reads its seconds ("abc" is 0). */
const leadingNumber = (text: string): number => {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(text);
  return m === null ? 0 : Number(m[0]);
};

/** atoi: the leading integer, 0 when there is none. */
const atoi = (text: string): number => {
  const m = /^\s*[+-]?\d+/.exec(text);
  return m === null ? 0 : Number(m[0]);
};

/** A real pause of the whole server, as Redis's DEBUG SLEEP blocks its only thread. */
function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function reload(engine: Engine, options: Buffer[]): HandlerResult {
  let keep = false;
  let save = true;
  for (const opt of options) {
    const o = opt.toString('latin1').toLowerCase();
    if (o === 'merge' || o === 'noflush') keep = true;
    else if (o === 'nosave') save = false;
    else return error('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
  }
  if (save) engine.persistence.save();
  if (!engine.persistence.reloadFrom('snapshot', keep)) return error('ERR Error trying to load the RDB dump, check server logs.');
  return OK;
}

const notAvailable = (name: string): HandlerResult =>
  error(`ERR 'DEBUG ${name.toUpperCase()}' is not available in redis-tutor's built-in engine; run it against a real Redis (see redis-tutor doctor)`);

const KNOWN = new Set(DEBUG_HELP.filter((l) => !l.startsWith(' ')).map((l) => l.split(' ')[0]!.toLowerCase()));
const HERE = new Set(['help', 'sleep', 'set-active-expire', 'quicklist-packed-threshold', 'reload', 'loadaof', 'object', 'digest', 'digest-value', 'change-repl-id', 'protocol']);

const debug = command('debug', -2, ['admin', 'noscript', 'loading', 'stale'], [0, 0, 0], (ctx, args) => {
  const { engine } = internals(ctx);
  const sub = args[1]!.toString('latin1').toLowerCase();
  const n = args.length;
  const text = (i: number): string => args[i]!.toString('latin1');
  if (sub === 'help' && n === 2) return arrayOf(DEBUG_HELP.map((l) => simple(l)));
  if (sub === 'sleep' && n === 3) {
    sleepSync(leadingNumber(text(2)) * 1000);
    return OK;
  }
  if (sub === 'set-active-expire' && n === 3) {
    engine.activeExpireEnabled = atoi(text(2)) !== 0;
    return OK;
  }
  if (sub === 'quicklist-packed-threshold' && n === 3) {
    const size = parseMemory(text(2));
    if (size === undefined || size > 2n ** 32n - 2n ** 20n) return error('ERR argument must be a memory value bigger than 1 and smaller than 4gb');
    packedThreshold.set(engine, size === 0n ? 2 ** 30 : Number(size));
    return OK;
  }
  if (sub === 'reload') return reload(engine, args.slice(2));
  if (sub === 'loadaof') {
    if (engine.config.get('appendonly') === 'yes') engine.persistence.reloadFrom('aof', false);
    return OK;
  }
  if (sub === 'object' && n === 3) {
    const value = ctx.db.get(toBytes(args[2]!));
    if (value === undefined) return error('ERR no such key');
    return simple(
      debugObjectLine(value, {
        now: ctx.now,
        listFill: Number(engine.config.get('list-max-listpack-size')),
        compressDepth: Number(engine.config.get('list-compress-depth') ?? '0'),
        packedThreshold: packedThreshold.get(engine) ?? 2 ** 30,
      }),
    );
  }
  if (sub === 'digest' && n === 2) return simple(hex(datasetDigest(engine.databases)));
  if (sub === 'digest-value') {
    return array(args.slice(2).map((k) => {
      const value = ctx.db.get(toBytes(k));
      return simple(value === undefined ? '0'.repeat(40) : hex(valueDigest(value)));
    }));
  }
  if (sub === 'change-repl-id' && n === 2) return OK;
  if (sub === 'protocol' && n === 3) return debugProtocol(text(2), internals(ctx).client.writer.resp);
  if (KNOWN.has(sub) && !HERE.has(sub)) return notAvailable(sub);
  return fail(`ERR unknown subcommand or wrong number of arguments for '${text(1)}'. Try DEBUG HELP.`);
});

export const debugCommands: CommandSpec[] = [debug];
