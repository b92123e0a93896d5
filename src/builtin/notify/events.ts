import type { Reply } from '../reply.js';
import type { Keyspace } from '../types.js';
import { toBytes, type Bytes } from '../types.js';
import type { ChangedKey, NotifyClass } from './notifier.js';

/** What a command did, as the rules below read it: its arguments, reply, and the keys it changed. */
export interface Fired {
  args: Buffer[];
  result: Reply;
  /** The client's database. */
  db: number;
  /** Keys written by this command (lazy expiry aside), in the order they were written. */
  changed: ChangedKey[];
  emit(cls: NotifyClass, event: string, key: Bytes, db?: number): void;
  /** The key is no longer held (a collection emptied by the command). */
  gone(key: Bytes, db?: number): boolean;
  /** What the command's BEFORE entry saw before it ran. */
  before?: unknown;
  /** The client's database as the command left it. */
  keyspace: Keyspace;
}

type Rule = (f: Fired) => void;

/**
 * The events each command publishes, with Redis 7.0.15's names and order (its notifyKeyspaceEvent calls
 * in t_*.c, db.c, expire.c); `new` (dbAdd) and `expired` are published by the keyspace as they happen.
 */
const key1 = (f: Fired): Bytes => toBytes(f.args[1]!);
const wrote = (f: Fired, key: Bytes, db = f.db): boolean => f.changed.some((c) => c.key === key && c.db === db);
const keyword = (b: Buffer | undefined): string => (b === undefined ? '' : b.toString('latin1').toLowerCase());

/** The command's event on its key when it wrote it, then `del` when that emptied it. */
function onKey(cls: NotifyClass, event: string | ((f: Fired) => string), argIndex = 1): Rule {
  return (f) => {
    const key = toBytes(f.args[argIndex]!);
    if (!wrote(f, key)) return;
    f.emit(cls, typeof event === 'string' ? event : event(f), key);
    if (f.gone(key)) f.emit('g', 'del', key);
  };
}

/** A STORE command: its event when the destination holds a result, `del` when an empty result removed it. */
function store(cls: NotifyClass, event: string, argIndex = 1): Rule {
  return (f) => {
    const key = toBytes(f.args[argIndex]!);
    if (!wrote(f, key)) return;
    f.emit(f.gone(key) ? 'g' : cls, f.gone(key) ? 'del' : event, key);
  };
}

/** Every key written, once each (DEL, UNLINK). */
const eachWritten = (cls: NotifyClass, event: string): Rule => (f) => {
  const seen = new Set<Bytes>();
  for (const c of f.changed) {
    if (c.db !== f.db || seen.has(c.key)) continue;
    seen.add(c.key);
    f.emit(cls, event, c.key);
  }
};

/** SET and kin: `set`, then `expire` when the command gave it a time to live. */
const setThenExpire = (hasTtl: (f: Fired) => boolean): Rule => (f) => {
  const key = key1(f);
  if (!wrote(f, key)) return;
  f.emit('$', 'set', key);
  if (hasTtl(f)) f.emit('g', 'expire', key);
};

const SET_TTL = new Set(['ex', 'px', 'exat', 'pxat']);

/** EXPIRE and kin (and GETEX): `expire`, or `del` when the time had already passed. */
const expiring: Rule = (f) => {
  const key = key1(f);
  if (!wrote(f, key)) return;
  f.emit('g', f.gone(key) ? 'del' : 'expire', key);
};

const pop = (f: Fired, where: string): string => (where === 'left' ? 'lpop' : 'rpop');

/** LMOVE and kin: push on the destination, pop on the source, `del` when the source emptied. */
function move(from: (f: Fired) => string, to: (f: Fired) => string): Rule {
  return (f) => {
    if (f.result.type === 'bulk' && f.result.value === null) return;
    const src = key1(f);
    const dst = toBytes(f.args[2]!);
    f.emit('l', to(f) === 'left' ? 'lpush' : 'rpush', dst);
    f.emit('l', pop(f, from(f)), src);
    if (f.gone(src)) f.emit('g', 'del', src);
  };
}

/** A pop whose reply names the key first ([key, ...]): its event there, then `del` when that emptied it. */
function poppedFromReplyKey(cls: NotifyClass, event: (f: Fired) => string): Rule {
  return (f) => {
    const r = f.result;
    if (r.type !== 'array' || r.value === null) return;
    const head = r.value[0];
    if (head?.type !== 'bulk' || head.value === null) return;
    const key = toBytes(head.value);
    f.emit(cls, event(f), key);
    if (f.gone(key)) f.emit('g', 'del', key);
  };
}

/** LMPOP/ZMPOP numkeys key... LEFT|RIGHT|MIN|MAX. */
const mpop = (cls: NotifyClass, first: number, event: (f: Fired, numkeys: number) => string): Rule =>
  poppedFromReplyKey(cls, (f) => event(f, Number(f.args[first]!.toString('latin1'))));

/** BLPOP and kin: [key, value]. */
const blockingPop = (cls: NotifyClass, event: string): Rule => poppedFromReplyKey(cls, () => event);

const positive = (f: Fired): boolean => f.result.type === 'integer' && f.result.value > 0;

const rename: Rule = (f) => {
  const src = key1(f);
  const dst = toBytes(f.args[2]!);
  if (src === dst || !wrote(f, dst)) return;
  f.emit('g', 'rename_from', src);
  f.emit('g', 'rename_to', dst);
};

const copy: Rule = (f) => {
  if (!positive(f)) return;
  const dst = toBytes(f.args[2]!);
  const at = f.args.findIndex((a, i) => i > 2 && keyword(a) === 'db');
  f.emit('g', 'copy_to', dst, at > 0 ? Number(f.args[at + 1]!.toString('latin1')) : f.db);
};

/** MOVE key db: `move_from` in the client's database, `move_to` in the target. */
const move_: Rule = (f) => {
  if (!positive(f)) return;
  const key = key1(f);
  f.emit('g', 'move_from', key);
  f.emit('g', 'move_to', key, Number(f.args[2]!.toString('latin1')));
};

const smove: Rule = (f) => {
  if (!positive(f)) return;
  const src = key1(f);
  const dst = toBytes(f.args[2]!);
  if (src === dst) return;
  f.emit('s', 'srem', src);
  if (f.gone(src)) f.emit('g', 'del', src);
  f.emit('s', 'sadd', dst);
};

const mset: Rule = (f) => {
  // A number or a bigint (reply.ts): compared as a number, for 0 and 0n are not ===.
  if (f.result.type === 'integer' && Number(f.result.value) === 0) return;
  for (let j = 1; j < f.args.length; j += 2) f.emit('$', 'set', toBytes(f.args[j]!));
};

const zadd: Rule = (f) => {
  const key = key1(f);
  if (!wrote(f, key)) return;
  const incr = f.args.some((a, i) => i > 1 && keyword(a) === 'incr');
  f.emit('z', incr ? 'zincr' : 'zadd', key);
};

const xadd: Rule = (f) => {
  if (f.result.type !== 'bulk' || f.result.value === null) return;
  const key = key1(f);
  f.emit('t', 'xadd', key);
  if (f.args.some((a, i) => i > 1 && (keyword(a) === 'maxlen' || keyword(a) === 'minid'))) f.emit('t', 'xtrim', key);
};

const whenPositive = (cls: NotifyClass, event: string, argIndex = 1): Rule => (f) => {
  if (positive(f)) f.emit(cls, event, toBytes(f.args[argIndex]!));
};

const whenOk = (cls: NotifyClass, event: string, argIndex: number): Rule => (f) => {
  if (f.result.type === 'simple') f.emit(cls, event, toBytes(f.args[argIndex]!));
};

const sortStore: Rule = (f) => {
  const at = f.args.findIndex((a, i) => i > 1 && keyword(a) === 'store');
  if (at > 0) store('l', 'sortstore', at + 1)(f);
};

export const RULES: Record<string, Rule> = {
  del: eachWritten('g', 'del'),
  unlink: eachWritten('g', 'del'),
  rename,
  renamenx: rename,
  copy,
  move: move_,
  restore: whenOk('g', 'restore', 1),
  expire: expiring,
  pexpire: expiring,
  expireat: expiring,
  pexpireat: expiring,
  persist: whenPositive('g', 'persist'),
  getdel: (f) => {
    if (wrote(f, key1(f))) f.emit('g', 'del', key1(f));
  },
  getex: (f) => {
    const key = key1(f);
    if (!wrote(f, key)) return;
    if (f.args.some((a, i) => i > 1 && keyword(a) === 'persist')) f.emit('g', 'persist', key);
    else expiring(f);
  },
  set: setThenExpire((f) => f.args.some((a, i) => i > 2 && SET_TTL.has(keyword(a)))),
  setnx: setThenExpire(() => false),
  getset: setThenExpire(() => false),
  setex: setThenExpire(() => true),
  psetex: setThenExpire(() => true),
  mset,
  msetnx: mset,
  incr: onKey('$', 'incrby'),
  decr: onKey('$', 'incrby'),
  incrby: onKey('$', 'incrby'),
  decrby: onKey('$', 'incrby'),
  incrbyfloat: onKey('$', 'incrbyfloat'),
  append: onKey('$', 'append'),
  setrange: onKey('$', 'setrange'),
  setbit: onKey('$', 'setbit'),
  bitfield: onKey('$', 'setbit'),
  bitop: store('$', 'set', 2),
  lpush: onKey('l', 'lpush'),
  lpushx: onKey('l', 'lpush'),
  rpush: onKey('l', 'rpush'),
  rpushx: onKey('l', 'rpush'),
  lpop: onKey('l', 'lpop'),
  rpop: onKey('l', 'rpop'),
  lset: onKey('l', 'lset'),
  lrem: onKey('l', 'lrem'),
  ltrim: onKey('l', 'ltrim'),
  linsert: onKey('l', 'linsert'),
  lmove: move((f) => keyword(f.args[3]), (f) => keyword(f.args[4])),
  blmove: move((f) => keyword(f.args[3]), (f) => keyword(f.args[4])),
  rpoplpush: move(() => 'right', () => 'left'),
  brpoplpush: move(() => 'right', () => 'left'),
  blpop: blockingPop('l', 'lpop'),
  brpop: blockingPop('l', 'rpop'),
  lmpop: mpop('l', 1, (f, n) => pop(f, keyword(f.args[2 + n]))),
  blmpop: mpop('l', 2, (f, n) => pop(f, keyword(f.args[3 + n]))),
  hset: onKey('h', 'hset'),
  hmset: onKey('h', 'hset'),
  hsetnx: onKey('h', 'hset'),
  hdel: onKey('h', 'hdel'),
  hincrby: onKey('h', 'hincrby'),
  hincrbyfloat: onKey('h', 'hincrbyfloat'),
  sadd: onKey('s', 'sadd'),
  srem: onKey('s', 'srem'),
  spop: onKey('s', 'spop'),
  smove,
  sinterstore: store('s', 'sinterstore'),
  sunionstore: store('s', 'sunionstore'),
  sdiffstore: store('s', 'sdiffstore'),
  zadd,
  zincrby: onKey('z', 'zincr'),
  zrem: onKey('z', 'zrem'),
  zremrangebyrank: onKey('z', 'zremrangebyrank'),
  zremrangebyscore: onKey('z', 'zremrangebyscore'),
  zremrangebylex: onKey('z', 'zremrangebylex'),
  zpopmin: onKey('z', 'zpopmin'),
  zpopmax: onKey('z', 'zpopmax'),
  bzpopmin: blockingPop('z', 'zpopmin'),
  bzpopmax: blockingPop('z', 'zpopmax'),
  zmpop: mpop('z', 1, (f, n) => (keyword(f.args[2 + n]) === 'min' ? 'zpopmin' : 'zpopmax')),
  bzmpop: mpop('z', 2, (f, n) => (keyword(f.args[3 + n]) === 'min' ? 'zpopmin' : 'zpopmax')),
  zrangestore: store('z', 'zrangestore'),
  zunionstore: store('z', 'zunionstore'),
  zinterstore: store('z', 'zinterstore'),
  zdiffstore: store('z', 'zdiffstore'),
  sort: sortStore,
  xadd,
  xdel: whenPositive('t', 'xdel'),
  xtrim: whenPositive('t', 'xtrim'),
  xsetid: whenOk('t', 'xsetid', 1),
  'xgroup|create': whenOk('t', 'xgroup-create', 2),
  'xgroup|setid': whenOk('t', 'xgroup-setid', 2),
  'xgroup|destroy': whenPositive('t', 'xgroup-destroy', 2),
  'xgroup|createconsumer': whenPositive('t', 'xgroup-createconsumer', 2),
  'xgroup|delconsumer': (f) => {
    if (f.before === true) f.emit('t', 'xgroup-delconsumer', toBytes(f.args[2]!));
  },
  xreadgroup: consumersCreated,
  xclaim: consumersCreated,
  xautoclaim: consumersCreated,
};

interface GroupsLike {
  groups?: Map<Bytes, { consumers: Map<Bytes, unknown> }>;
}

/** Whether a stream's group has a consumer (undefined: no such stream or group). */
function hasConsumer(db: Keyspace, key: Bytes, group: Bytes, consumer: Bytes): boolean | undefined {
  const value = db.get(key);
  if (value?.type !== 'stream') return undefined;
  return (value.value as GroupsLike).groups?.get(group)?.consumers.has(consumer);
}

/** The streams and group and consumer names a consumer-creating command names. */
function consumerTargets(args: Buffer[], name: string): { keys: Bytes[]; group: Bytes; consumer: Bytes } {
  if (name !== 'xreadgroup') return { keys: [toBytes(args[1]!)], group: toBytes(args[2]!), consumer: toBytes(args[3]!) };
  const at = args.findIndex((a, i) => i > 3 && keyword(a) === 'streams');
  const keys = at < 0 ? [] : args.slice(at + 1, at + 1 + Math.floor((args.length - at - 1) / 2)).map(toBytes);
  return { keys, group: toBytes(args[2]!), consumer: toBytes(args[3]!) };
}

/** XREADGROUP, XCLAIM, XAUTOCLAIM: `xgroup-createconsumer` on each stream where the consumer is new. */
function consumersCreated(f: Fired): void {
  const missing = f.before as Bytes[] | undefined;
  if (missing === undefined) return;
  const { group, consumer } = consumerTargets(f.args, keyword(f.args[0]));
  for (const key of missing) if (hasConsumer(f.keyspace, key, group, consumer) === true) f.emit('t', 'xgroup-createconsumer', key);
}

function consumersMissing(db: Keyspace, args: Buffer[]): Bytes[] {
  const { keys, group, consumer } = consumerTargets(args, keyword(args[0]));
  return keys.filter((key) => hasConsumer(db, key, group, consumer) === false);
}

/** What some rules must see before the command runs (a consumer that existed, or did not). */
export const BEFORE: Record<string, (db: Keyspace, args: Buffer[]) => unknown> = {
  'xgroup|delconsumer': (db, args) => hasConsumer(db, toBytes(args[2]!), toBytes(args[3]!), toBytes(args[4]!)) === true,
  xreadgroup: consumersMissing,
  xclaim: consumersMissing,
  xautoclaim: consumersMissing,
};
