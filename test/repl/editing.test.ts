import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { walkScan, wantsKey, wordCandidates, type ScanStep } from '../../src/repl/complete.js';
import { fallbackDocs } from '../../src/repl/docs/index.js';
import { helpText } from '../../src/repl/help.js';
import { hintFor } from '../../src/repl/hint.js';
import { HISTORY_SIZE, isSecret, loadHistory, saveHistoryLine } from '../../src/repl/history.js';
import { danger } from '../../src/repl/safety.js';
import { backspace, matchOf, older, startSearch, typeChar } from '../../src/repl/search.js';

const docs = fallbackDocs();

describe('hints (the shipped docs, as on a server without COMMAND DOCS)', () => {
  test.each([
    ['set', ' key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    ['SET ', 'key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    ['set k ', 'value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    ['set k v', ' [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    // An option typed is no longer offered (redis-cli 7.0 goes on showing all of them); its argument comes first.
    ['set k v NX ', '[GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    ['SET k v EX ', 'seconds [NX | XX] [GET]'],
    ['set k v ex', ' seconds [NX | XX] [GET]'],
    ['SET k v EX 10 ', '[NX | XX] [GET]'],
    ['SET k v GET px 5 xx ', ''],
    ['3 set k ', 'value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
    ['getex k PERSIST ', ''],
    ['zadd z NX ', '[GT | LT] [CH] [INCR] score member [score member ...]'],
    ['zadd z CH 1 a ', '[score member ...]'],
    ['zrange z 0 -1 LIMIT 0 ', 'count [BYSCORE | BYLEX] [REV] [WITHSCORES]'],
    ['zrange z 0 -1 WITHSCORES BYSCORE ', '[REV] [LIMIT offset count]'],
    ['scan 0 MATCH x ', '[COUNT count] [TYPE type]'],
    ['lpos l e RANK 1 ', '[COUNT num-matches] [MAXLEN len]'],
    ['xadd s MAXLEN ~ ', 'threshold [LIMIT count] [NOMKSTREAM] <* | id> field value [field value ...]'],
    ['xadd s NOMKSTREAM * ', 'field value [field value ...]'],
    ['xreadgroup GROUP g c NOACK ', '[COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]'],
    ['hello 3 AUTH ', 'username password [SETNAME clientname]'],
    ['lpop l ', '[count]'],
    ['lpop l 2 ', ''],
    ['lrange l ', 'start stop'],
    ['lrange l 0 -1', ''],
    ['rpush l a ', '[element ...]'],
    ['rpush l a b c ', '[element ...]'],
    ['config get ', 'parameter [parameter ...]'],
    ['nosuch ', ''],
    ['"unbalanced ', ''],
    ['', ''],
  ])('%j → %j', (line, hint) => expect(hintFor(docs, line)).toBe(hint));
});

describe('Tab completion words', () => {
  test.each([
    ['rpu', ['rpush']],
    ['RPU', ['RPUSH']],
    ['hg', ['hget', 'hgetall']],
    ['sho', ['show']],
    ['config g', ['get']],
    ['set k v n', ['nx']],
    ['set k v E', ['EX', 'EXAT']],
    ['zrange z 0 -1 WITHS', ['WITHSCORES']],
    ['help @st', ['@stream', '@string']],
    ['help @ST', ['@STREAM', '@STRING']],
    ['get ', []],
  ])('%j → %j', (line, expected) => expect(wordCandidates(docs, line)).toEqual(expected));

  test.each([
    ['get ', true],
    ['set ', true],
    ['set k ', false],
    ['show ', true],
    ['del a b ', true],
    ['lrange l ', false],
    ['', false],
  ])('wantsKey(%j) is %s', (line, expected) => expect(wantsKey(docs, line)).toBe(expected));
});

describe('Tab: the key walk', () => {
  /** A fake keyspace: each SCAN call walks the next `count` keys (MATCH on a prefix) and takes `msPerCall` of a fake clock. */
  function keyspace(keys: string[], prefix: string, msPerCall = 1) {
    const clock = { now: 0, calls: 0, counts: [] as number[] };
    const step: ScanStep = async (cursor, count) => {
      clock.calls++;
      clock.counts.push(count);
      clock.now += msPerCall;
      const from = Number(cursor);
      const to = Math.min(from + count, keys.length);
      return { cursor: to >= keys.length ? '0' : String(to), keys: keys.slice(from, to).filter((k) => k.startsWith(prefix)) };
    };
    return { step, clock, now: () => clock.now };
  }
  const limits = { enough: 100, firstCount: 1000, maxCount: 5000, ms: 500 };
  const many = (n: number) => Array.from({ length: n }, (_, i) => `user:${i}`);

  test.each([
    // [keys, prefix, ms a call, what is found, calls]
    ['20k keys, the one asked for last', [...many(20_000), 'zeta'], 'ze', 1, ['zeta'], 6],
    ['enough found early: the walk stops', many(20_000), 'user:1', 1, 'first 100+', 1],
    ['1M keys, out of time: what was found so far', [...many(1_000_000), 'zeta'], 'ze', 100, [], 5],
    ['an empty database', [], 'a', 1, [], 1],
  ])('%s', async (_, keys, prefix, ms, found, calls) => {
    const { step, clock, now } = keyspace(keys as string[], prefix as string, ms as number);
    const result = await walkScan(step, limits, now);
    if (found === 'first 100+') expect(result.length).toBeGreaterThanOrEqual(100);
    else expect(result).toEqual(found);
    expect(clock.calls).toBe(calls);
  });

  test('each call asks for more keys, up to the most one call may cost; a refused SCAN ends the walk', async () => {
    const { step, clock, now } = keyspace(many(30_000), 'x');
    await walkScan(step, limits, now);
    expect(clock.counts).toEqual([1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000]);
    expect(await walkScan(() => Promise.reject(new Error('ERR unknown command')), limits, now)).toEqual([]);
  });
});

describe('Ctrl+R search', () => {
  const history = ['get b', 'rpush chat x', 'set a 1', 'show chat'];
  test('finds the newest match, then older ones, and backs off on backspace', () => {
    let s = startSearch();
    s = typeChar(s, history, 'c');
    expect(matchOf(s, history)).toBe('rpush chat x');
    s = typeChar(s, history, 'hat');
    expect(matchOf(s, history)).toBe('rpush chat x');
    s = older(s, history);
    expect(matchOf(s, history)).toBe('show chat');
    s = older(s, history);
    expect(matchOf(s, history)).toBe('show chat');
    s = typeChar(startSearch(), history, 'zzz');
    expect(matchOf(s, history)).toBe('');
    s = backspace(backspace(backspace(s, history), history), history);
    expect(s.query).toBe('');
  });
});

describe('history', () => {
  test.each([
    ['AUTH secret', true],
    ['auth user pass', true],
    ['  hello 3 AUTH u p', true],
    ['3 AUTH x', true],
    ['config set requirepass x', true],
    // redis-cli 7.0's isSensitiveCommand, and more.
    ['ACL SETUSER bob on >hunter2', true],
    ['acl setuser bob', true],
    ['CONFIG SET masterauth x', true],
    ['CONFIG SET masteruser bob', true],
    ['config set tls-key-file-pass x', true],
    ['config set tls-client-key-file-pass x', true],
    ['CONFIG SET maxmemory 1mb requirepass x', true],
    ['HELLO 2 SETNAME me AUTH bob hunter2', true],
    ['MIGRATE h 6379 "" 0 5000 AUTH hunter2 KEYS a', true],
    ['migrate h 6379 k 0 5000 COPY AUTH2 bob hunter2', true],
    ['SENTINEL SET mymaster auth-pass hunter2', true],
    ['SENTINEL CONFIG SET sentinel-pass hunter2', true],
    // The command name quoted, a repeat count before it, quotes that do not close, a bad repeat count.
    ['"auth" hunter2', true],
    ["'ACL' 'setuser' bob >x", true],
    ['"config" "set" "requirepass" x', true],
    ['5 acl setuser bob >x', true],
    ['AUTH "hunter2', true],
    ['0 auth hunter2', true],
    ['get auth', false],
    ['set author me', false],
    ['config set maxmemory 1mb', false],
    ['config get requirepass', false],
    ['acl list', false],
    ['hello 3', false],
    ['migrate h 6379 k 0 5000', false],
    ['help auth', false],
    ['', false],
  ])('isSecret(%j) is %s', (line, secret) => expect(isSecret(line)).toBe(secret));

  test('the history file is private (0600), a 0644 one is made so, and secret lines in an old file are dropped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'history-'));
    const file = path.join(dir, 'repl-history');
    try {
      saveHistoryLine(file, 'get a');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      writeFileSync(file, 'get a\nACL SETUSER bob on >hunter2\nset b 2\n', { mode: 0o644 });
      chmodSync(file, 0o644);
      expect(loadHistory(file)).toEqual(['set b 2', 'get a']);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe('get a\nset b 2\n');
      chmodSync(file, 0o644);
      saveHistoryLine(file, 'get c');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('saved lines come back newest first; secrets are never written; the file is bounded', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'history-'));
    const file = path.join(dir, 'sub', 'repl-history');
    try {
      expect(loadHistory(file)).toEqual([]);
      saveHistoryLine(file, 'get a');
      saveHistoryLine(file, 'AUTH hunter2');
      saveHistoryLine(file, 'set b 2');
      expect(loadHistory(file)).toEqual(['set b 2', 'get a']);
      expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
      writeFileSync(file, Array.from({ length: HISTORY_SIZE * 2 + 5 }, (_, i) => `echo ${i}`).join('\n') + '\n');
      saveHistoryLine(file, 'last');
      expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).length).toBeLessThanOrEqual(HISTORY_SIZE + 1);
      expect(loadHistory(file)[0]).toBe('last');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('safety', () => {
  test.each([
    [['FLUSHALL'], 'data'],
    [['flushdb', 'ASYNC'], 'data'],
    [['SWAPDB', '0', '1'], 'data'],
    [['MIGRATE', 'h', '1', 'k', '0', '100'], 'data'],
    [['SHUTDOWN'], 'server'],
    [['debug', 'sleep', '1'], 'server'],
    [['CONFIG', 'SET', 'maxmemory', '1'], 'server'],
    [['KEYS', '*'], 'keys'],
    [['KEYS', 'user:*'], undefined],
    [['CONFIG', 'GET', 'maxmemory'], undefined],
    [['GET', 'flushall'], undefined],
  ])('%j → %s', (args, kind) => expect(danger(args)?.kind).toBe(kind));
});

describe('help', () => {
  test('help <command> shows syntax, summary, since, group, complexity and an example', () => {
    expect(helpText(docs, 'set')).toBe(
      '\n  SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]\n' +
        '  summary: Set the string value of a key\n  since: 1.0.0\n  group: string\n  complexity: O(1)\n  example: SET greeting "hello" EX 60\n',
    );
  });
  test('help of a subcommand and of a group', () => {
    expect(helpText(docs, 'config get')).toContain('CONFIG GET parameter [parameter ...]');
    const group = helpText(docs, '@hash');
    expect(group).toContain('HSET key field value [field value ...]');
    expect(group).toContain('HGETALL key');
    expect(group).not.toContain('LPUSH');
  });
  test('help alone, and what it does not know', () => {
    expect(helpText(docs, '')).toMatch(/help <command>.*\n.*help @<group>[\s\S]*show <key>[\s\S]*Groups: .*@string/);
    expect(helpText(docs, 'nosuch')).toMatch(/^No help for "nosuch"/);
    expect(helpText(docs, 'show')).toMatch(/^\n {2}show key\n {2}summary: Draw the value of a key as a table/);
    expect(helpText(docs, 'QUIT')).not.toMatch(/Leave the REPL/); // QUIT is also a Redis command: its docs win
    expect(helpText(docs, '@nosuch')).toMatch(/^There is no command group "nosuch"/);
  });
});
