import { KEYS, SMALL_INTS, type Generator, type Rng } from './rng.js';

// Generators for lists, hashes, sets and sorted sets. Members come from a pool of eight so that a set
// never needs more than eight hash buckets (SSCAN then answers in one call on Redis too); forms whose
// answer is random by design (SPOP and SRANDMEMBER below the set's size, HRANDFIELD without a count or
// with a negative one) are left out, and so are the blocking commands (a wait would stall the run).

const key = (r: Rng) => r.pick(KEYS);
const MEMBERS = ['a', 'b', 'c', '1', '2', '-3', '10', 'hello world'];
const member = (r: Rng) => r.pick(MEMBERS);
const members = (r: Rng, n = 3) => r.some(MEMBERS, n);
const INDEXES = [...SMALL_INTS, '-100', 'x'];
const index = (r: Rng) => r.pick(INDEXES);
const SCORES = ['0', '1', '2.5', '-1', '0.1', 'inf', '-inf', '1e3', 'x', '(1', '3'];
const score = (r: Rng) => r.pick(SCORES.filter((s) => !s.startsWith('(')));
const bound = (r: Rng) => r.pick(['-inf', '+inf', '0', '1', '(1', '2.5', '(2.5', '-1', 'x', '10']);
const lexBound = (r: Rng) => r.pick(['-', '+', '[a', '(a', '[c', '(b', '[1', 'a', '[']);
const side = (r: Rng) => r.pick(['LEFT', 'RIGHT', 'left', 'UP']);

const lists: Generator[] = [
  { name: 'lpush', weight: 3, make: (r) => [r.pick(['LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX']), key(r), ...members(r)] },
  { name: 'lpop', weight: 2, make: (r) => [r.pick(['LPOP', 'RPOP']), key(r), ...r.pick([[], [], ['0'], ['2'], ['-1'], ['5']])] },
  { name: 'lrange', weight: 2, make: (r) => ['LRANGE', key(r), index(r), index(r)] },
  { name: 'llen', make: (r) => ['LLEN', key(r)] },
  { name: 'lindex', make: (r) => ['LINDEX', key(r), index(r)] },
  { name: 'lset', make: (r) => ['LSET', key(r), index(r), member(r)] },
  { name: 'lrem', make: (r) => ['LREM', key(r), r.pick(['0', '1', '-1', '2', '-2']), member(r)] },
  { name: 'ltrim', make: (r) => ['LTRIM', key(r), index(r), index(r)] },
  { name: 'linsert', make: (r) => ['LINSERT', key(r), r.pick(['BEFORE', 'AFTER', 'after', 'NEAR']), member(r), member(r)] },
  {
    name: 'lpos',
    make: (r) => ['LPOS', key(r), member(r), ...r.pick([[], ['RANK', r.pick(['1', '-1', '2', '0'])], ['COUNT', r.pick(['0', '1', '2', '-1'])], ['MAXLEN', r.pick(['0', '2'])], ['RANK', '-2', 'COUNT', '0']])],
  },
  { name: 'lmove', make: (r) => ['LMOVE', key(r), key(r), side(r), side(r)] },
  { name: 'rpoplpush', make: (r) => ['RPOPLPUSH', key(r), key(r)] },
  { name: 'lmpop', make: (r) => ['LMPOP', '2', key(r), key(r), side(r), ...r.pick([[], ['COUNT', '2'], ['COUNT', '0']])] },
];

const hashes: Generator[] = [
  { name: 'hset', weight: 3, make: (r) => [r.pick(['HSET', 'HMSET']), key(r), ...r.some(MEMBERS, 3).flatMap((f) => [f, r.pick([...MEMBERS, '5', '-7'])])] },
  { name: 'hsetnx', make: (r) => ['HSETNX', key(r), member(r), member(r)] },
  { name: 'hget', weight: 2, make: (r) => ['HGET', key(r), member(r)] },
  { name: 'hmget', make: (r) => ['HMGET', key(r), ...members(r)] },
  { name: 'hgetall', make: (r) => [r.pick(['HGETALL', 'HKEYS', 'HVALS', 'HLEN']), key(r)] },
  { name: 'hdel', make: (r) => ['HDEL', key(r), ...members(r)] },
  { name: 'hexists', make: (r) => [r.pick(['HEXISTS', 'HSTRLEN']), key(r), member(r)] },
  { name: 'hincrby', make: (r) => ['HINCRBY', key(r), member(r), r.pick(['1', '-5', '100', 'x', '9223372036854775807'])] },
  { name: 'hincrbyfloat', make: (r) => ['HINCRBYFLOAT', key(r), member(r), r.pick(['1.5', '-0.25', '3', 'x', 'inf'])] },
  { name: 'hrandfield', make: (r) => ['HRANDFIELD', key(r), ...r.pick([['100'], ['100', 'WITHVALUES'], ['0'], ['x'], ['5', 'BOGUS']])] },
  { name: 'hscan', make: (r) => ['HSCAN', key(r), '0', ...r.pick([[], ['MATCH', '[ab]*'], ['COUNT', '100'], ['COUNT', '0']])] },
];

const sets: Generator[] = [
  { name: 'sadd', weight: 3, make: (r) => ['SADD', key(r), ...members(r)] },
  { name: 'srem', weight: 2, make: (r) => ['SREM', key(r), ...members(r)] },
  { name: 'smembers', make: (r) => [r.pick(['SMEMBERS', 'SCARD']), key(r)] },
  { name: 'sismember', make: (r) => r.pick([['SISMEMBER', key(r), member(r)], ['SMISMEMBER', key(r), ...members(r)]]) },
  { name: 'spop', make: (r) => [r.pick(['SPOP', 'SRANDMEMBER']), key(r), r.pick(['100', '0', '-0', 'x'])] },
  { name: 'smove', make: (r) => ['SMOVE', key(r), key(r), member(r)] },
  { name: 'setalgebra', weight: 2, make: (r) => [r.pick(['SINTER', 'SUNION', 'SDIFF']), ...r.some(KEYS, 3)] },
  { name: 'setstore', weight: 2, make: (r) => [r.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), key(r), ...r.some(KEYS, 3)] },
  { name: 'sintercard', make: (r) => ['SINTERCARD', '2', key(r), key(r), ...r.pick([[], ['LIMIT', '1'], ['LIMIT', '-1']])] },
  { name: 'sscan', make: (r) => ['SSCAN', key(r), '0', ...r.pick([[], ['MATCH', '*1*'], ['COUNT', '100']])] },
];

const zsets: Generator[] = [
  {
    name: 'zadd',
    weight: 4,
    make: (r) => ['ZADD', key(r), ...r.pick([[], [], ['NX'], ['XX'], ['GT'], ['LT'], ['CH'], ['XX', 'GT', 'CH'], ['INCR'], ['NX', 'GT']]), ...r.some(MEMBERS, 2).flatMap((m) => [score(r), m])],
  },
  { name: 'zincrby', make: (r) => ['ZINCRBY', key(r), r.pick(['1', '-2.5', '0.1', 'inf', '-inf', 'x']), member(r)] },
  { name: 'zscore', weight: 2, make: (r) => r.pick([['ZSCORE', key(r), member(r)], ['ZMSCORE', key(r), ...members(r)], ['ZCARD', key(r)]]) },
  { name: 'zrank', make: (r) => [r.pick(['ZRANK', 'ZREVRANK']), key(r), member(r)] },
  { name: 'zcount', make: (r) => ['ZCOUNT', key(r), bound(r), bound(r)] },
  { name: 'zrange', weight: 2, make: (r) => [r.pick(['ZRANGE', 'ZREVRANGE']), key(r), index(r), index(r), ...r.pick([[], ['WITHSCORES'], ['REV'], ['LIMIT', '0', '1']])] },
  {
    name: 'zrangebyscore',
    weight: 2,
    make: (r) => [r.pick(['ZRANGEBYSCORE', 'ZREVRANGEBYSCORE']), key(r), bound(r), bound(r), ...r.pick([[], ['WITHSCORES'], ['LIMIT', r.pick(['0', '1', '-1']), r.pick(['1', '-1', '0'])]])],
  },
  { name: 'zrangebylex', make: (r) => [r.pick(['ZRANGEBYLEX', 'ZREVRANGEBYLEX', 'ZLEXCOUNT']), key(r), lexBound(r), lexBound(r)] },
  { name: 'zrangeby', make: (r) => ['ZRANGE', key(r), bound(r), bound(r), r.pick(['BYSCORE', 'BYLEX']), ...r.pick([[], ['REV'], ['LIMIT', '1', '2'], ['REV', 'WITHSCORES']])] },
  { name: 'zrem', weight: 2, make: (r) => ['ZREM', key(r), ...members(r)] },
  { name: 'zremrange', make: (r) => r.pick([['ZREMRANGEBYRANK', key(r), index(r), index(r)], ['ZREMRANGEBYSCORE', key(r), bound(r), bound(r)], ['ZREMRANGEBYLEX', key(r), lexBound(r), lexBound(r)]]) },
  { name: 'zpop', make: (r) => [r.pick(['ZPOPMIN', 'ZPOPMAX']), key(r), ...r.pick([[], ['2'], ['0'], ['-1']])] },
  {
    name: 'zstore',
    weight: 2,
    make: (r) => [
      r.pick(['ZUNIONSTORE', 'ZINTERSTORE']),
      key(r),
      '2',
      key(r),
      key(r),
      ...r.pick([[], ['WEIGHTS', '2', '0.5'], ['AGGREGATE', r.pick(['MIN', 'MAX', 'SUM'])], ['WEIGHTS', '1', 'inf'], ['WEIGHTS', '-1', '1', 'AGGREGATE', 'MAX']]),
    ],
  },
  { name: 'zcombine', make: (r) => [r.pick(['ZUNION', 'ZINTER', 'ZDIFF']), '2', key(r), key(r), ...r.pick([[], ['WITHSCORES']])] },
  { name: 'zscan', make: (r) => ['ZSCAN', key(r), '0', ...r.pick([[], ['MATCH', '?'], ['COUNT', '5']])] },
  { name: 'zmpop', make: (r) => ['ZMPOP', '2', key(r), key(r), r.pick(['MIN', 'MAX', 'UP']), ...r.pick([[], ['COUNT', '2']])] },
  { name: 'zrandmember', make: (r) => ['ZRANDMEMBER', key(r), ...r.pick([['100'], ['100', 'WITHSCORES'], ['0'], ['x']])] },
  { name: 'zrangestore', make: (r) => ['ZRANGESTORE', key(r), key(r), bound(r), bound(r), ...r.pick([['BYSCORE'], ['BYSCORE', 'REV'], ['BYSCORE', 'LIMIT', '1', '1']])] },
];

// SORT without BY: with BY nosort (or an ALPHA BY with ties) a hashtable set answers in its own order.
const sorts: Generator[] = [
  {
    name: 'sort',
    weight: 2,
    make: (r) => [r.pick(['SORT', 'SORT_RO']), key(r), ...r.pick([[], ['ALPHA'], ['DESC'], ['ALPHA', 'DESC'], ['LIMIT', '1', '2'], ['ALPHA', 'GET', '#', 'GET', 'k*'], ['ALPHA', 'STORE', key(r)], ['STORE', key(r)]])],
  },
];

export const generators: Generator[] = [...lists, ...hashes, ...sets, ...zsets, ...sorts];
