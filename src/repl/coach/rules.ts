import type { Arg } from '../../resp/client.js';
import type { RespReply } from '../../resp/types.js';
import { quote } from '../format.js';
import { coachMsg } from './messages.js';

/** What a rule sees after the learner's command ran. */
export interface CoachContext {
  /** The learner's arguments, as text; `name` is the upper-cased command. */
  args: string[];
  name: string;
  reply: RespReply;
  /** Replies to the rule's `before` probes, sent just before the command on the same connection. */
  before: RespReply[];
  /**
   * Replies to the rule's `after` probes, sent once the reply showed they are needed. Empty when other
   * commands were sent after this one before its reply came back (pipe mode): a probe then could see
   * their effects, so none is sent and the rule must speak without it, or not at all.
   */
  after: RespReply[];
  /** The command's syntax (`SET key value [NX | XX] ...`), when the docs know it. */
  usage(name: string): string | undefined;
}

/** One teaching rule. The table below is the whole coach: order is priority, at most one note per command. */
export interface CoachRule {
  id: string;
  /** Upper-case command names the rule looks at; `*` for any. */
  commands: string[];
  /** Say it once per session (an explanation), or each time it happens (a warning about this data). */
  once: boolean;
  /** Read-only probes to send just before the command, e.g. the old value SET is about to replace. */
  before?(args: Arg[]): Arg[][];
  /**
   * Read-only probes to send once the reply is in, only when it calls for them (a WRONGTYPE error: which
   * type is it?), so that most commands cost nothing extra.
   */
  after?(args: Arg[], reply: RespReply): Arg[][];
  note(ctx: CoachContext): string | undefined;
}

const text = (r: RespReply | undefined) => (r?.type === 'bulk' ? (r.value?.toString('utf8') ?? '') : r?.type === 'simple' || r?.type === 'integer' ? String(r.value) : '');
const int = (r: RespReply | undefined) => (r?.type === 'integer' ? Number(r.value) : undefined);
const shown = (r: RespReply | undefined) => (r?.type === 'bulk' && r.value !== null ? quote(r.value) : '""');
const isOk = (r: RespReply) => r.type === 'simple' && r.value === 'OK';
const hasFlag = (args: string[], ...flags: string[]) => args.slice(3).some((a) => flags.includes(a.toUpperCase()));

/** Commands to suggest for each type, for WRONGTYPE. */
export const TYPE_COMMANDS: Record<string, string> = {
  string: 'GET, SET, INCR, APPEND, STRLEN',
  list: 'LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN',
  hash: 'HSET, HGET, HGETALL, HDEL, HLEN',
  set: 'SADD, SREM, SMEMBERS, SISMEMBER, SCARD',
  zset: 'ZADD, ZRANGE, ZSCORE, ZRANK, ZREM',
  stream: 'XADD, XRANGE, XREAD, XLEN',
};

/** Key names that say "a collection of messages": SET there usually meant to append. */
const LOOKS_LIKE_MANY = /(messages?|msgs?|chat|log|history|events?|queue|inbox|feed|comments?|notifications?)(\b|[:_-]|$)/i;

/** What the last element's removal deletes, by command. */
const POPS: Record<string, string> = {
  LPOP: 'list', RPOP: 'list', LREM: 'list', LTRIM: 'list', LMOVE: 'list', RPOPLPUSH: 'list', BLPOP: 'list', BRPOP: 'list',
  SREM: 'set', SPOP: 'set', SMOVE: 'set', HDEL: 'hash', ZREM: 'sorted set', ZPOPMIN: 'sorted set', ZPOPMAX: 'sorted set',
};

const INCRS = ['INCR', 'INCRBY', 'DECR', 'DECRBY'];

/** Did a pop/remove command take something out? */
function removedSomething(reply: RespReply): boolean {
  if (reply.type === 'integer') return reply.value > 0n;
  if (reply.type === 'bulk') return reply.value !== null;
  if (reply.type === 'simple') return true;
  return reply.type === 'array' && reply.value !== null && reply.value.length > 0;
}

export const COACH_RULES: CoachRule[] = [
  {
    id: 'set-removed-ttl',
    commands: ['SET'],
    once: false,
    before: (a) => [['PTTL', a[1] ?? '']],
    note: ({ args, reply, before }) => {
      const ttl = int(before[0]) ?? -1;
      if (!isOk(reply) || ttl <= 0 || hasFlag(args, 'KEEPTTL', 'EX', 'PX', 'EXAT', 'PXAT', 'NX')) return undefined;
      return coachMsg.setRemovedTtl(args[1] ?? '', (ttl / 1000).toFixed(ttl < 10_000 ? 1 : 0));
    },
  },
  {
    id: 'set-replaced',
    commands: ['SET'],
    once: false,
    before: (a) => [['TYPE', a[1] ?? ''], ['GETRANGE', a[1] ?? '', '0', '40']],
    note: ({ args, reply, before }) => {
      const type = text(before[0]);
      if (!isOk(reply) || type === '' || type === 'none' || hasFlag(args, 'NX')) return undefined;
      const key = args[1] ?? '';
      if (type !== 'string') return coachMsg.setReplacedType(key, type === 'zset' ? 'sorted set' : type);
      const old = shown(before[1]);
      if (old === quote(Buffer.from(args[2] ?? ''))) return undefined;
      return LOOKS_LIKE_MANY.test(key) ? coachMsg.setReplacedMessages(key, old) : coachMsg.setReplaced(key, old);
    },
  },
  {
    id: 'wrongtype',
    commands: ['*'],
    once: false,
    after: (a, reply) => (reply.type === 'error' && reply.value.startsWith('WRONGTYPE') && a.length > 1 ? [['TYPE', a[1] ?? '']] : []),
    note: ({ args, reply, after }) => {
      if (reply.type !== 'error' || !reply.value.startsWith('WRONGTYPE')) return undefined;
      const type = text(after[0]);
      const commands = TYPE_COMMANDS[type];
      // No probe answer (pipe mode, later lines already sent): say what is sure without naming the type.
      if (commands === undefined) return coachMsg.wrongTypeUnknown(args[1] ?? '');
      return coachMsg.wrongType(args[1] ?? '', type === 'zset' ? 'sorted set' : type, commands);
    },
  },
  {
    id: 'arity',
    commands: ['*'],
    once: false,
    note: ({ name, reply, usage }) => {
      if (reply.type !== 'error' || !/^ERR wrong number of arguments/.test(reply.value)) return undefined;
      const sub = /for '([^']+)' command/.exec(reply.value)?.[1]?.replace('|', ' ');
      const syntax = usage(sub ?? name) ?? usage(name);
      return syntax === undefined ? undefined : coachMsg.arity(syntax);
    },
  },
  {
    id: 'keys-large',
    commands: ['KEYS'],
    once: false,
    // KEYS changes nothing, so the size can be asked afterwards: no cost to other commands, works in pipe mode.
    after: (_a, reply) => (reply.type === 'array' ? [['DBSIZE']] : []),
    note: ({ after }) => {
      const size = int(after[0]) ?? 0;
      return size > 1000 ? coachMsg.keysLarge(size) : undefined;
    },
  },
  {
    id: 'empty-vanished',
    commands: Object.keys(POPS),
    once: false,
    after: (a, reply) => (removedSomething(reply) ? [['EXISTS', a[1] ?? '']] : []),
    note: ({ name, args, reply, after }) => {
      if (!removedSomething(reply) || int(after[0]) !== 0) return undefined;
      return coachMsg.emptyVanished(args[1] ?? '', POPS[name] ?? 'value');
    },
  },
  {
    id: 'del-count',
    commands: ['DEL', 'UNLINK', 'EXISTS'],
    once: true,
    note: ({ name, args, reply }) => (reply.type === 'integer' && args.length > 2 ? coachMsg.delCount(name, String(reply.value), args.length - 1) : undefined),
  },
  {
    id: 'lpush-order',
    commands: ['LPUSH'],
    once: true,
    note: ({ args, reply }) => (reply.type === 'integer' && args.length > 3 ? coachMsg.lpushOrder(args[1] ?? '') : undefined),
  },
  {
    id: 'lrange-inclusive',
    commands: ['LRANGE'],
    once: true,
    note: ({ args, reply }) => {
      const stop = Number(args[3]);
      if (reply.type !== 'array' || reply.value === null || reply.value.length === 0 || !(stop > 0)) return undefined;
      return coachMsg.lrangeInclusive(args[3] ?? '', reply.value.length);
    },
  },
  {
    id: 'incr-missing',
    commands: INCRS,
    once: true,
    before: (a) => [['EXISTS', a[1] ?? '']],
    note: ({ name, args, reply, before }) => (reply.type === 'integer' && int(before[0]) === 0 ? coachMsg.incrMissing(args[1] ?? '', name) : undefined),
  },
  {
    id: 'incr-not-integer',
    commands: [...INCRS, 'HINCRBY'],
    once: false,
    after: (a, reply) =>
      reply.type !== 'error' || !/not an integer/.test(reply.value)
        ? []
        : a[0]?.toString().toUpperCase() === 'HINCRBY'
          ? [['HGET', a[1] ?? '', a[2] ?? '']]
          : [['GETRANGE', a[1] ?? '', '0', '40']],
    note: ({ name, args, reply, after }) => {
      if (reply.type !== 'error' || !/not an integer/.test(reply.value)) return undefined;
      const where = name === 'HINCRBY' ? coachMsg.fieldLabel(args[1] ?? '', args[2] ?? '') : coachMsg.keyLabel(args[1] ?? '');
      return after[0] === undefined ? coachMsg.incrNotIntegerUnknown(where) : coachMsg.incrNotInteger(where, shown(after[0]));
    },
  },
  {
    id: 'hmset-deprecated',
    commands: ['HMSET'],
    once: true,
    note: ({ reply }) => (reply.type === 'simple' ? coachMsg.hmset() : undefined),
  },
];
