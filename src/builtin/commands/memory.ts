import { bulk, integer, NIL, OK, type RespReply } from '../../resp/types.js';
import { double, map, verbatim, type Reply } from '../reply.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import { BASELINE_BYTES } from '../memory.js';
import { sdsAlloc, DICT_ENTRY } from '../memory/alloc-sizes.js';
import { valueSize } from '../memory/value-size.js';
import { helpReply } from '../stream/help.js';
import { toBytes, type CommandSpec } from '../types.js';
import { integerArg, keyword } from '../util/args.js';
import { fail, SYNTAX_ERROR } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/** MEMORY USAGE, STATS, DOCTOR, MALLOC-STATS, PURGE and HELP as Redis 7.0 answers them, from the estimate (memory/). */

const HELP = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

/** Below this much allocated, MEMORY DOCTOR declines (Redis's 5 MB). */
const DOCTOR_MIN_BYTES = 5 * 1024 * 1024;

const usage = command('memory|usage', -3, ['readonly'], [2, 2, 1], (ctx, args) => {
  let samples = 5;
  for (let j = 3; j < args.length; j++) {
    if (keyword(args[j]) !== 'samples' || j + 1 >= args.length) fail(SYNTAX_ERROR);
    const n = integerArg(args[++j]!);
    if (n < 0n) fail(SYNTAX_ERROR);
    samples = n === 0n ? Infinity : Number(n);
  }
  const { engine, client } = internals(ctx);
  const key = toBytes(args[2]!);
  // As Redis: the key as held, expired or not (no lazy expiry here).
  const value = engine.database(client.dbIndex).peek(key);
  if (value === undefined) return NIL;
  return integer(Math.round(valueSize(value, samples)) + sdsAlloc(key.length, true) + DICT_ENTRY);
});

/** The figures MEMORY STATS and INFO memory share. */
export function memoryFigures(engine: Engine): { used: number; dataset: number; peak: number; overhead: number } {
  const used = engine.memory.used();
  const dataset = engine.memory.dataset();
  engine.memory.peak = Math.max(engine.memory.peak, used);
  return { used, dataset, peak: engine.memory.peak, overhead: used - dataset };
}

const stats = command('memory|stats', 2, [], [0, 0, 0], (ctx) => {
  const { engine } = internals(ctx);
  const { used, dataset, peak, overhead } = memoryFigures(engine);
  let keys = 0;
  const out: Reply[] = [
    bulk('peak.allocated'), integer(peak),
    bulk('total.allocated'), integer(used),
    bulk('startup.allocated'), integer(BASELINE_BYTES),
    bulk('replication.backlog'), integer(0),
    bulk('clients.slaves'), integer(0),
    bulk('clients.normal'), integer(0),
    bulk('cluster.links'), integer(0),
    bulk('aof.buffer'), integer(0),
    bulk('lua.caches'), integer(0),
    bulk('functions.caches'), integer(200),
  ];
  for (const db of engine.databases) {
    if (db.size() === 0) continue;
    keys += db.size();
    const tables = db.tableBytes();
    out.push(bulk(`db.${db.index}`), map([bulk('overhead.hashtable.main'), integer(tables.main), bulk('overhead.hashtable.expires'), integer(tables.expires), bulk('overhead.hashtable.slot-to-keys'), integer(0)]));
  }
  out.push(
    bulk('overhead.total'), integer(overhead),
    bulk('keys.count'), integer(keys),
    bulk('keys.bytes-per-key'), integer(keys === 0 ? 0 : Math.floor((used - BASELINE_BYTES) / keys)),
    bulk('dataset.bytes'), integer(dataset),
    bulk('dataset.percentage'), double(used - BASELINE_BYTES <= 0 ? 0 : (dataset * 100) / (used - BASELINE_BYTES)),
    bulk('peak.percentage'), double(peak === 0 ? 0 : (used * 100) / peak),
    // The engine has no allocator of its own: what it estimates is all allocated, active and resident.
    bulk('allocator.allocated'), integer(used),
    bulk('allocator.active'), integer(used),
    bulk('allocator.resident'), integer(used),
    bulk('allocator-fragmentation.ratio'), double(1),
    bulk('allocator-fragmentation.bytes'), integer(0),
    bulk('allocator-rss.ratio'), double(1),
    bulk('allocator-rss.bytes'), integer(0),
    bulk('rss-overhead.ratio'), double(1),
    bulk('rss-overhead.bytes'), integer(0),
    bulk('fragmentation'), double(1),
    bulk('fragmentation.bytes'), integer(0),
  );
  return map(out);
});

const doctor = command('memory|doctor', 2, [], [0, 0, 0], (ctx) => {
  const used = internals(ctx).engine.memory.used();
  return verbatim(
    used < DOCTOR_MIN_BYTES
      ? "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n"
      : "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n",
  );
});

const mallocStats = command('memory|malloc-stats', 2, [], [0, 0, 0], () => verbatim('Stats not supported for the current allocator\n'));

const purge = command('memory|purge', 2, [], [0, 0, 0], (): RespReply => OK);

const help = command('memory|help', 2, ['loading', 'stale'], [0, 0, 0], (_ctx, args) => helpReply(args[0]!, HELP));

export const memoryCommands: CommandSpec[] = [
  {
    ...command('memory', -2, [], [0, 0, 0], () => fail(SYNTAX_ERROR)),
    subcommands: [usage, stats, doctor, mallocStats, purge, help],
  },
];
