import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Coach, COACH_RULES } from '../../src/repl/coach/index.js';
import { fallbackDocs } from '../../src/repl/docs/index.js';
import { splitArgs } from '../../src/repl/parse.js';
import { RespClient } from '../../src/resp/client.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let client: RespClient;
let coach: Coach;
beforeAll(async () => {
  redis = await startRedis();
  client = await RespClient.connect({ host: '127.0.0.1', port: redis.port, tls: false, source: 'test' });
});
afterAll(async () => {
  client?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await client.call(['FLUSHALL']);
  const docs = fallbackDocs();
  coach = new Coach((name) => docs.usage(name));
});

/** Runs lines through the coach against the real server; returns the note of each. */
async function notes(...lines: string[]): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  for (const line of lines) out.push((await coach.run(client, splitArgs(line)!)).note);
  return out;
}
const last = async (...lines: string[]) => (await notes(...lines)).at(-1);

describe('each coach rule', () => {
  const covered = new Set<string>();
  const rule = (id: string, fn: () => Promise<void>) => {
    covered.add(id);
    test(id, fn);
  };

  rule('set-removed-ttl', async () => {
    expect(await last('SET s a EX 100', 'SET s b')).toMatch(/had 100s left to live; SET removed that TTL\. SET s \.\.\. KEEPTTL keeps it/);
    expect(await last('SET t a EX 100', 'SET t b KEEPTTL')).not.toMatch(/TTL/);
  });
  rule('set-replaced', async () => {
    expect(await last('SET name Ada', 'SET name Grace')).toBe('SET replaced the old value of "name" ("Ada"). A string key holds one value.');
    expect(await last('SET chat:room1 "hi there"', 'SET chat:room1 "how are you"')).toMatch(/only the last value is kept.*RPUSH chat:room1/);
    expect(await last('RPUSH q a', 'SET q x')).toMatch(/which was a list: SET overwrites a key of any type/);
    expect(await last('SET fresh 1')).toBeUndefined();
    expect(await last('SET same 1', 'SET same 1')).toBeUndefined();
  });
  rule('wrongtype', async () => {
    expect(await last('RPUSH tasks a', 'GET tasks')).toBe('"tasks" holds a list, so this command cannot use it. list commands: LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN.');
  });
  rule('arity', async () => {
    expect(await last('GET')).toBe('Syntax: GET key');
    expect(await last('CONFIG GET')).toBe('Syntax: CONFIG GET parameter [parameter ...]');
  });
  rule('keys-large', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => [`k${i}`, '1']).flat();
    await client.call(['MSET', ...many]);
    expect(await last('KEYS k1*')).toMatch(/KEYS walks all 1001 keys.*SCAN 0 MATCH/);
    await client.call(['DEL', 'k0', 'k1']);
    expect(await last('KEYS k1*')).toBeUndefined();
  });
  rule('empty-vanished', async () => {
    expect(await notes('RPUSH l a b', 'LPOP l', 'LPOP l')).toEqual([undefined, undefined, 'That removed the last element, so "l" no longer exists: Redis deletes an empty list.']);
    expect(await last('HSET h f v', 'HDEL h f')).toMatch(/Redis deletes an empty hash/);
    expect(await last('LPOP nothing')).toBeUndefined();
  });
  rule('del-count', async () => {
    expect(await notes('SET a 1', 'DEL a b c', 'DEL a b c')).toEqual([
      undefined,
      'DEL with 3 keys answers how many of them existed (1). There is no separate multi-key variant: one DEL takes many keys.',
      undefined, // once per session
    ]);
    expect(await last('DEL only')).toBeUndefined();
  });
  rule('lpush-order', async () => {
    expect(await last('LPUSH l a b c')).toMatch(/end up reversed: LRANGE l 0 -1 shows the last one first\. RPUSH keeps their order/);
    expect(await last('LPUSH m a')).toBeUndefined();
  });
  rule('lrange-inclusive', async () => {
    expect(await last('RPUSH l a b c d', 'LRANGE l 0 2')).toBe("LRANGE's end index is inclusive: up to 2 gives 3 elements. -1 means the last element.");
    expect(await last('LRANGE l 0 -1')).toBeUndefined();
  });
  rule('incr-missing', async () => {
    expect(await notes('INCR hits', 'INCR hits')).toEqual(['"hits" did not exist, so INCR started from 0 (and created it as a string).', undefined]);
  });
  rule('incr-not-integer', async () => {
    expect(await last('SET n abc', 'INCR n')).toMatch(/"n" holds "abc", which is not a whole number.*INCRBYFLOAT/);
    expect(await last('SET f 1.5', 'INCRBY f 2')).toMatch(/holds "1.5"/);
    expect(await last('HSET user:1 name Ada', 'HINCRBY user:1 name 1')).toMatch(/^Field "name" of "user:1" holds "Ada"/);
  });
  rule('hmset-deprecated', async () => {
    expect(await last('HMSET user:1 name Ada')).toMatch(/^HMSET is deprecated: HSET takes many field\/value pairs/);
  });

  test('every rule in the table has a test here', () => {
    expect(COACH_RULES.map((r) => r.id).sort()).toEqual([...covered].sort());
  });
});

test('at most one note, the first rule in the table wins', async () => {
  await notes('SET s a EX 100');
  const note = await last('SET s b');
  expect(note).toMatch(/TTL/);
  expect(note).not.toMatch(/replaced/);
});

test('without probes (pipe mode), rules that need them stay silent and the others still speak', async () => {
  const quiet = new Coach(() => 'GET key', { probes: false });
  const say = async (line: string) => (await quiet.run(client, splitArgs(line)!)).note;
  await say('SET name Ada');
  expect(await say('SET name Grace')).toBeUndefined();
  expect(await say('GET')).toBe('Syntax: GET key');
  await say('RPUSH l a');
  expect(await say('GET l')).toMatch(/"l" holds a list/);
  await client.call(['MSET', ...Array.from({ length: 1001 }, (_, i) => [`k${i}`, '1']).flat()]);
  expect(await say('KEYS k1*')).toMatch(/KEYS walks all 1003 keys/);
});

test('a follow-up probe is not sent once later commands went out: it could see their effects', async () => {
  await client.call(['RPUSH', 'l', 'a']);
  const [first] = await Promise.all([coach.run(client, splitArgs('GET l')!), client.call(['DEL', 'l']), client.call(['SET', 'l', 'now a string'])]);
  expect(first.note).toBe('"l" holds another type of value than this command works on. TYPE l says which.');
  await client.call(['SET', 'n', 'abc']);
  const [incr] = await Promise.all([coach.run(client, splitArgs('INCR n')!), client.call(['SET', 'n', '5'])]);
  expect(incr.note).toMatch(/^"n" does not hold a whole number/);
});

test('probes do not change what the learner sees', async () => {
  const { reply } = await coach.run(client, splitArgs('SET x 1')!);
  expect(reply).toEqual({ type: 'simple', value: 'OK' });
  expect((await coach.run(client, splitArgs('GET x')!)).reply).toEqual({ type: 'bulk', value: Buffer.from('1') });
});
