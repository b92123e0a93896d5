import { KEYS, SMALL_INTS, VALUES, type Generator, type Rng } from './rng.js';

// Generators for the engine core's commands: strings, keys, expiry, transactions, databases.
// TTLs are long (the random run must not race expiry); INCRBYFLOAT steps are exact binary fractions,
// whose sums print the same in long double and double.

const key = (r: Rng) => r.pick(KEYS);
const value = (r: Rng) => r.pick(VALUES);
const ttl = (r: Rng) => r.pick(['100', '200', '1000', '0', '-1', 'abc']);
/** Milliseconds: long enough that no key expires during the run (that would race the two servers). */
const ttlMs = (r: Rng) => r.pick(['100000', '200000', '1000000', '0', '-1', 'abc']);

export const generators: Generator[] = [
  {
    name: 'set',
    weight: 4,
    make: (r) => {
      const args = ['SET', key(r), value(r)];
      if (r.chance(0.3)) args.push(r.pick(['NX', 'XX']));
      if (r.chance(0.2)) args.push('GET');
      // Not EXAT in the past: that leaves an expired key that only the servers' own expiry cycles
      // remove, at moments of their own (the corpus covers it with a pause).
      if (r.chance(0.3)) args.push(...r.pick([['EX', ttl(r)], ['PX', ttlMs(r)], ['KEEPTTL'], ['EXAT', '99999999999']]));
      if (r.chance(0.03)) args.push(r.pick(['BOGUS', 'NX', 'EX']));
      return args;
    },
  },
  { name: 'get', weight: 3, make: (r) => ['GET', key(r)] },
  { name: 'getset', make: (r) => ['GETSET', key(r), value(r)] },
  { name: 'getdel', make: (r) => ['GETDEL', key(r)] },
  { name: 'getex', make: (r) => ['GETEX', key(r), ...r.pick([[], ['EX', ttl(r)], ['PERSIST'], ['PX', ttlMs(r)], ['EXAT', '1'], ['FOO']])] },
  { name: 'setnx', make: (r) => ['SETNX', key(r), value(r)] },
  { name: 'setex', make: (r) => (r.chance(0.5) ? ['SETEX', key(r), ttl(r), value(r)] : ['PSETEX', key(r), ttlMs(r), value(r)]) },
  { name: 'mset', make: (r) => [r.pick(['MSET', 'MSETNX']), ...r.some(KEYS, 3).flatMap((k) => [k, value(r)])] },
  { name: 'mget', make: (r) => ['MGET', ...r.some(KEYS, 4)] },
  { name: 'incr', weight: 3, make: (r) => r.pick([['INCR', key(r)], ['DECR', key(r)], ['INCRBY', key(r), r.pick(SMALL_INTS)], ['DECRBY', key(r), r.pick(SMALL_INTS)], ['INCRBY', key(r), '9223372036854775807']]) },
  { name: 'incrbyfloat', make: (r) => ['INCRBYFLOAT', key(r), r.pick(['1.5', '-0.25', '3', '0.5', 'abc', '-2'])] },
  { name: 'append', weight: 2, make: (r) => ['APPEND', key(r), value(r)] },
  { name: 'strlen', make: (r) => ['STRLEN', key(r)] },
  { name: 'getrange', make: (r) => [r.pick(['GETRANGE', 'SUBSTR']), key(r), r.pick(SMALL_INTS), r.pick(SMALL_INTS)] },
  { name: 'setrange', make: (r) => ['SETRANGE', key(r), r.pick(['0', '1', '3', '-1']), r.pick(['', 'x', 'yz'])] },
  { name: 'del', weight: 2, make: (r) => [r.pick(['DEL', 'UNLINK']), ...r.some(KEYS, 2)] },
  { name: 'exists', make: (r) => [r.pick(['EXISTS', 'TOUCH']), ...r.some(KEYS, 3)] },
  { name: 'type', make: (r) => ['TYPE', key(r)] },
  { name: 'rename', make: (r) => [r.pick(['RENAME', 'RENAMENX']), key(r), key(r)] },
  { name: 'copy', make: (r) => ['COPY', key(r), key(r), ...r.pick([[], ['REPLACE'], ['DB', '1'], ['DB', '1', 'REPLACE']])] },
  {
    name: 'expire',
    weight: 2,
    // Relative times without GT/LT: two equal relative TTLs set a millisecond apart compare differently
    // on two servers. GT and LT are exercised with absolute times below.
    make: (r) => [...(r.chance(0.5) ? ['EXPIRE', key(r), ttl(r)] : ['PEXPIRE', key(r), ttlMs(r)]), ...r.pick([[], ['NX'], ['XX'], ['NX', 'XX'], ['GT', 'LT']])],
  },
  {
    name: 'expireat',
    make: (r) => [
      ...(r.chance(0.5) ? ['EXPIREAT', key(r), r.pick(['1', '0', '99999999999', '99999999998'])] : ['PEXPIREAT', key(r), r.pick(['1', '99999999999000', '99999999998500'])]),
      ...r.pick([[], ['NX'], ['XX'], ['GT'], ['LT'], ['GT', 'XX']]),
    ],
  },
  { name: 'ttl', weight: 2, make: (r) => [r.pick(['TTL', 'PTTL']), key(r)] },
  { name: 'persist', make: (r) => ['PERSIST', key(r)] },
  { name: 'keys', make: (r) => ['KEYS', r.pick(['*', 'k[0-2]', 'k?', '*1', 'x*'])] },
  { name: 'scan', make: (r) => ['SCAN', '0', ...r.pick([[], ['MATCH', 'k[1-3]'], ['TYPE', 'string'], ['TYPE', 'list'], ['COUNT', '100']])] },
  { name: 'dbsize', make: () => ['DBSIZE'] },
  { name: 'encoding', make: (r) => ['OBJECT', 'ENCODING', key(r)] },
  { name: 'select', weight: 0.5, make: (r) => ['SELECT', r.pick(['0', '0', '1'])] },
  { name: 'flushdb', weight: 0.1, make: () => ['FLUSHDB'] },
  { name: 'multi', weight: 0.5, make: () => ['MULTI'] },
  { name: 'exec', weight: 0.5, make: () => ['EXEC'] },
  { name: 'discard', weight: 0.2, make: () => ['DISCARD'] },
  { name: 'watch', weight: 0.3, make: (r) => ['WATCH', ...r.some(KEYS, 2)] },
  { name: 'unwatch', weight: 0.1, make: () => ['UNWATCH'] },
  { name: 'echo', weight: 0.2, make: (r) => [r.pick(['ECHO', 'PING']), value(r)] },
];
