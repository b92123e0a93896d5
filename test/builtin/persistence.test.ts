import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTarget, redisTarget, transcript, type Step, type Target } from './harness/persistence-targets.js';

// What survives a restart or a crash, on a real redis-server 7.0.15 and on the built-in engine: the
// same steps on both, the transcripts compared. Both start as the tutor's private server (save "",
// appendonly no); `fresh` gives Redis's defaults (save points on).
let redis: Target;
let engine: Target;

beforeAll(async () => {
  [redis, engine] = await Promise.all([redisTarget(), engineTarget()]);
}, 20_000);

afterAll(async () => {
  await Promise.all([redis?.stop(), engine?.stop()]);
});

// Redis rewrites the AOF in a child and fsyncs it in the background: the steps wait for the child, then
// give the fsync a second, since right after it Redis may hold back a write (aof_delayed_fsync).
const APPENDONLY_ON: Step[] = [['CONFIG', 'SET', 'appendonly', 'yes'], { settle: 'aof' }, { sleep: 1000 }];
/** A saved key, the AOF turned on, another key, and a restart from the start configuration (appendonly no). */
const AOF_THEN_FROM_CONFIG: Step[] = [['SET', 'a', '1'], ['SAVE'], ...APPENDONLY_ON, ['SET', 'b', '2'], 'restartFromConfig', ['CONFIG', 'GET', 'appendonly'], ['KEYS', '*']];

const sequences: Record<string, Step[]> = {
  'SET, SAVE, SET, kill -9: only what SAVE wrote comes back': [
    ['FLUSHALL'],
    ['SET', 'a', '1'],
    ['SAVE'],
    ['SET', 'b', '2'],
    'crash',
    ['KEYS', '*'],
    ['GET', 'a'],
    { info: 'rdb_changes_since_last_save' },
  ],
  'without save points, SHUTDOWN saves nothing': [['FLUSHALL'], ['SAVE'], ['SET', 'a', '1'], 'restart', ['KEYS', '*']],
  'writes one key at a time count one change each (rdb_changes_since_last_save)': [
    ['FLUSHALL'],
    ['SAVE'],
    ['SET', 'a', '1'],
    ['SET', 'a', '2'],
    ['INCR', 'n'],
    ['DEL', 'a'],
    ['DEL', 'a'],
    ['EXPIRE', 'n', '100'],
    ['RPUSH', 'l', 'x'],
    { info: 'rdb_changes_since_last_save' },
    ['SAVE'],
    { info: 'rdb_changes_since_last_save' },
    ['SET', 'b', '1'],
    ['FLUSHALL'],
    { info: 'rdb_changes_since_last_save' },
  ],
  'commands of many elements count each element (rdb_changes_since_last_save)': [
    ['FLUSHALL'],
    ['SAVE'],
    ['RPUSH', 'l', 'a', 'b', 'c'],
    ['LPUSHX', 'nol', 'a', 'b'],
    ['HSET', 'h', 'f', '1', 'g', '2'],
    ['HSET', 'h', 'f', '1'],
    ['SADD', 's', 'a', 'b', 'c'],
    ['SADD', 's', 'a', 'd'],
    ['SREM', 's', 'a', 'zz'],
    ['HDEL', 'h', 'f', 'nope'],
    ['LREM', 'l', '0', 'b'],
    ['RPOP', 'l', '2'],
    ['ZADD', 'z', '1', 'a'],
    ['ZADD', 'z', '2', 'b'],
    ['ZREM', 'z', 'a', 'b', 'c'],
    ['MSET', 'm1', '1', 'm2', '2'],
    ['DEL', 'm1', 'm2', 'none'],
    { info: 'rdb_changes_since_last_save' },
    ['FLUSHDB'],
    { info: 'rdb_changes_since_last_save' },
  ],
  'CONFIG SET appendonly yes, SET, kill -9: the AOF keeps it': [
    ['FLUSHALL'],
    ['SET', 'before', '1'],
    ...APPENDONLY_ON,
    ['SET', 'a', '1'],
    ['SET', 'e', 'v', 'EX', '1000'],
    ['RPUSH', 'l', 'x'],
    ['RPUSH', 'l', 'y'],
    ['SET', 'gone', 'x'],
    ['DEL', 'gone'],
    ['SELECT', '2'],
    ['SET', 'two', '2'],
    ['SELECT', '1'],
    ['SET', 'one', '1'],
    ['FLUSHDB'],
    ['SET', 'after', 'flush'],
    ['INCR', 'counter'],
    ['INCR', 'counter'],
    { info: 'aof_enabled' },
    'crash',
    ['CONFIG', 'GET', 'appendonly'],
    { info: 'aof_enabled' },
    ['KEYS', '*'],
    ['LRANGE', 'l', '0', '-1'],
    ['TTL', 'e'],
    ['SELECT', '2'],
    ['KEYS', '*'],
    ['SELECT', '1'],
    ['KEYS', '*'],
    ['GET', 'counter'],
    ['CONFIG', 'SET', 'appendonly', 'no'],
  ],
  'CONFIG SET appendonly yes, then a restart from the original config: appendonly no, data from the snapshot': [['FLUSHALL'], ...AOF_THEN_FROM_CONFIG],
  'streams and their consumer groups come back from the snapshot and from the AOF': [
    ['FLUSHALL'],
    ['XADD', 's', '1-1', 'f', 'v'],
    ['XADD', 's', '2-1', 'g', 'w'],
    ['XGROUP', 'CREATE', 's', 'grp', '0'],
    ['XREADGROUP', 'GROUP', 'grp', 'alice', 'COUNT', '1', 'STREAMS', 's', '>'],
    ['SAVE'],
    'crash',
    ['XRANGE', 's', '-', '+'],
    ['XPENDING', 's', 'grp'],
    ...APPENDONLY_ON,
    ['XADD', 's', '3-1', 'h', 'x'],
    ['XREADGROUP', 'GROUP', 'grp', 'bob', 'COUNT', '1', 'STREAMS', 's', '>'],
    ['XACK', 's', 'grp', '1-1'],
    'crash',
    ['XLEN', 's'],
    ['XPENDING', 's', 'grp'],
    ['XREADGROUP', 'GROUP', 'grp', 'carol', 'STREAMS', 's', '>'],
    ['CONFIG', 'SET', 'appendonly', 'no'],
  ],
  'a restart keeps CONFIG SET; a restart from the config forgets it': [
    ['FLUSHALL'],
    ['CONFIG', 'SET', 'save', '100 5'],
    'restart',
    ['CONFIG', 'GET', 'save'],
    'restartFromConfig',
    ['CONFIG', 'GET', 'save'],
  ],
  'a save point fires once its time has passed': [
    ['FLUSHALL'],
    ['CONFIG', 'SET', 'save', '1 1'],
    ['SET', 'a', '1'],
    { sleep: 2300 },
    { info: 'rdb_changes_since_last_save' },
    ['SET', 'b', '1'],
    ['CONFIG', 'SET', 'save', ''],
    'crash',
    ['KEYS', '*'],
  ],
  'BGREWRITEAOF compacts, and later writes still follow it': [
    ['FLUSHALL'],
    ...APPENDONLY_ON,
    ['SET', 'a', '1'],
    ['SET', 'a', '2'],
    ['BGREWRITEAOF'],
    { sleep: 300 },
    ['SET', 'b', '3'],
    'crash',
    ['MGET', 'a', 'b'],
    ['CONFIG', 'SET', 'appendonly', 'no'],
  ],
  'with Redis default save points, SHUTDOWN saves': [
    'fresh',
    ['CONFIG', 'GET', 'save'],
    ['SET', 'a', '1'],
    ['RPUSH', 'l', 'x', 'y', 'z'],
    ['HSET', 'h', 'f', 'v', 'g', 'w'],
    ['SADD', 's', '3', '1', '2'],
    ['SADD', 't', 'b', 'a'],
    ['ZADD', 'z', '2', 'b', '1', 'a', '-inf', 'm'],
    ['SET', 'n', '12345'],
    ['SET', 'e', 'v', 'EX', '1000'],
    ['SELECT', '3'],
    ['SET', 'in3', 'x'],
    'restart',
    ['KEYS', '*'],
    ['LRANGE', 'l', '0', '-1'],
    ['HGETALL', 'h'],
    ['SMEMBERS', 's'],
    ['SMEMBERS', 't'],
    ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
    ['OBJECT', 'ENCODING', 'n'],
    ['OBJECT', 'ENCODING', 's'],
    ['OBJECT', 'ENCODING', 'l'],
    ['OBJECT', 'ENCODING', 'z'],
    ['TTL', 'e'],
    ['SELECT', '3'],
    ['GET', 'in3'],
    { info: 'rdb_changes_since_last_save' },
    { info: 'rdb_last_load_keys_loaded' },
  ],
  'with save points, a kill before any save loses everything': ['fresh', ['SET', 'a', '1'], 'crash', ['KEYS', '*']],
  'FLUSHALL with save points saves the empty dataset at once': [
    'fresh',
    ['SET', 'a', '1'],
    'restart',
    ['SET', 'b', '2'],
    ['FLUSHALL'],
    { info: 'rdb_changes_since_last_save' },
    ['SET', 'c', '3'],
    'crash',
    ['KEYS', '*'],
  ],
  'with save points, appendonly yes then a restart from the original config: SHUTDOWN saved both': ['fresh', ...AOF_THEN_FROM_CONFIG],
};

describe('persistence: what a restart or a crash keeps, on Redis and on the engine', () => {
  for (const [title, steps] of Object.entries(sequences)) {
    it(title, async () => {
      const [expected, actual] = await Promise.all([transcript(redis, steps), transcript(engine, steps)]);
      expect(actual.join('\n')).toBe(expected.join('\n'));
    }, 30_000);
  }
});
