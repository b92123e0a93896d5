import { integer, NIL, simple } from '../../resp/types.js';
import { arrayOf } from '../reply.js';
import { internals } from '../dispatch.js';
import type { Engine } from '../engine.js';
import type { Database } from '../keyspace.js';
import { frequencyState, idleMs, idleState, lfuCounter } from '../memory/access.js';
import { TRACK_LFU } from '../memory/tally.js';
import { toBytes, type Bytes, type CommandSpec } from '../types.js';
import { fail } from '../util/reply-error.js';
import { command } from '../util/spec.js';

/**
 * OBJECT FREQ, IDLETIME, REFCOUNT and HELP, from the access state each key keeps (memory/access.ts:
 * the LRU clock of the last access under an LRU or no policy, a decaying logarithmic counter under an LFU one).
 */
const LFU_ONLY =
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';
const LRU_ONLY =
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';
/** OBJ_SHARED_REFCOUNT: what the shared integers 0..9999 answer. */
const SHARED_REFCOUNT = integer(2147483647);
const SHARED_INTEGERS = 10000;

const lfu = (engine: Engine): boolean => engine.memory.tally.track === TRACK_LFU;

/** Redis shares the integers 0..9999 unless maxmemory is set with an LRU or LFU policy. */
const sharesIntegers = (engine: Engine): boolean => engine.memory.maxBytes <= 0 || !/-(lru|lfu)$/.test(engine.memory.policy);

const keyCommand = (name: string, answer: (engine: Engine, db: Database, key: Bytes) => ReturnType<typeof integer>) =>
  command(`object|${name}`, 3, ['readonly'], [2, 2, 1], (ctx, args) => {
    const db = ctx.db as Database;
    const key = toBytes(args[2]!);
    if (db.peekLive(key) === undefined) return NIL;
    return answer(internals(ctx).engine, db, key);
  });

const freq = keyCommand('freq', (engine, db, key) => {
  if (!lfu(engine)) fail(LFU_ONLY);
  return integer(lfuCounter(db.accessState(key), engine.clock.now));
});

const idletime = keyCommand('idletime', (engine, db, key) => {
  if (lfu(engine)) fail(LRU_ONLY);
  const now = engine.clock.now;
  return integer(idleMs(db.accessState(key), now) / 1000);
});

const refcount = keyCommand('refcount', (engine, db, key) => {
  const v = db.peekLive(key)!;
  if (v.type === 'string' && v.encoding === 'int' && sharesIntegers(engine)) {
    const n = Number(v.value.toString('latin1'));
    if (n >= 0 && n < SHARED_INTEGERS) return SHARED_REFCOUNT;
  }
  return integer(1);
});

const HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

const help = command('object|help', 2, ['loading', 'stale'], [0, 0, 0], () => arrayOf(HELP.map((line) => simple(line))));

export const objectAccessSubcommands: CommandSpec[] = [freq, idletime, refcount, help];

/**
 * RESTORE's IDLETIME and FREQ (objectSetLRUOrLFU): FREQ sets the counter under an LFU policy, IDLETIME
 * the last access under any other; either is ignored under the wrong kind of policy.
 */
export function restoredAccess(engine: Engine, db: Database, key: Bytes, idle: bigint | undefined, frequency: bigint | undefined): void {
  const now = engine.clock.now;
  if (lfu(engine)) {
    if (frequency !== undefined) db.setAccessState(key, frequencyState(Number(frequency), now));
  } else if (idle !== undefined) {
    db.setAccessState(key, idleState(Number(idle), now));
  }
}
