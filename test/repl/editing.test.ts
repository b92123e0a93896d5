import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { wantsKey, wordCandidates } from '../../src/repl/complete.js';
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
    ['set k v NX ', '[NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]'],
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
    ['get auth', false],
    ['set author me', false],
  ])('isSecret(%j) is %s', (line, secret) => expect(isSecret(line)).toBe(secret));

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
