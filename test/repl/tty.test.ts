import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

let redis: TestRedis;
let term: Terminal | undefined;
let config: string;
beforeAll(async () => {
  redis = await startRedis();
  config = mkdtempSync(path.join(os.tmpdir(), 'repl-tty-'));
});
afterEach(() => term?.kill());
afterAll(async () => {
  await redis?.stop();
  rmSync(config, { recursive: true, force: true });
});

/** Types a line, presses Enter and waits until `expected` shows. */
async function run(t: Terminal, line: string, expected: string | RegExp): Promise<string> {
  t.type(line);
  t.press('Enter');
  return t.waitFor(expected);
}

test('the interactive REPL: prompt, replies, a coach note, Tab, hints, show, help, Ctrl+R, Ctrl+C, Ctrl+D', async () => {
  // In colour: without it there is no grey hint (it would look typed).
  const t = (term = openTerminal(['repl', '--url', redis.url], { env: { XDG_CONFIG_HOME: config, FORCE_COLOR: '1' }, width: 110, height: 60 }));
  const prompt = `127.0.0.1:${redis.port}[15]> `;
  await t.waitFor(`Redis 7.0.15 at 127.0.0.1:${redis.port}, db 15\n${prompt.trimEnd()}`);

  await run(t, 'set greeting hello', `${prompt}set greeting hello\nOK\n`);
  await run(t, 'set greeting bye', `${prompt}set greeting bye\nOK\n» SET replaced the old value of "greeting" ("hello"). A string key holds one value.\n${prompt.trimEnd()}`);

  // Tab completes a command name ...
  t.type('rpu');
  t.press('Tab');
  await t.waitFor(`${prompt}rpush`);
  await run(t, ' chat a b', `${prompt}rpush chat a b\n(integer) 2\n`);
  // ... and a key name, from SCAN.
  t.type('get gre');
  t.press('Tab');
  await t.waitFor(`${prompt}get greeting`);
  t.press('Enter');
  await t.waitFor(`${prompt}get greeting\n"bye"\n`);

  // The grey hint shows the rest of the syntax; Ctrl+C clears the line.
  t.type('set k ');
  await t.waitFor(`${prompt}set k value [NX | XX] [GET]`);
  t.press('C-c');
  await t.waitFor(`${prompt}set k ^C\n${prompt.trimEnd()}`);
  t.press('C-c');
  await t.waitFor(`${prompt}^C\n(Ctrl+C clears the line. To leave, press Ctrl+D or type quit.)\n${prompt.trimEnd()}`);

  // Korean takes two columns a character: the hint must fit what is left of the line and vanish on Enter.
  const korean = `set ${'이름'.repeat(15)} `;
  t.type(korean);
  await t.waitFor(/value \[NX \| XX\]|…/);
  await run(t, '"민수"', `${prompt}${korean}"민수"\nOK\n${prompt.trimEnd()}`);

  const shown = await run(t, 'show chat', '└');
  expect(shown).toContain('chat  type: list   TTL: none (persists)   encoding: quicklist');
  expect(shown).toMatch(/│ index │ from end │ value │\n├─+┼─+┼─+┤\n│ 0\s+│ -2\s+│ "a"\s+│\n│ 1\s+│ -1\s+│ "b"\s+│/);

  const help = await run(t, 'help lpush', 'example: LPUSH tasks');
  expect(help).toContain('  LPUSH key element [element ...]\n  summary: Prepend one or multiple elements to a list\n  since: 1.0.0\n  group: list');

  // Ctrl+R finds the last line containing "chat" and Enter runs it again.
  t.press('C-r');
  t.type('chat');
  await t.waitFor("(reverse-i-search)`chat': show chat");
  t.press('C-r');
  await t.waitFor("(reverse-i-search)`chat': rpush chat a b");
  t.press('Enter');
  await t.waitFor(`${prompt}rpush chat a b\n(integer) 4\n`);

  await run(t, 'multi', `OK\n127.0.0.1:${redis.port}[15](TX)>`);
  await run(t, 'incr n', 'QUEUED');
  await run(t, 'exec', `1) (integer) 1\n${prompt.trimEnd()}`);
  await run(t, 'auth nobody secret', /WRONGPASS|ERR AUTH/);

  // Ctrl+C stops waiting for a blocking command; the next command reconnects to the same database.
  await run(t, 'blpop nothing 0', `${prompt}blpop nothing 0`);
  await new Promise((r) => setTimeout(r, 200));
  t.press('C-c');
  await t.waitFor('(interrupted: the tutor stopped waiting for that reply; the next command reconnects)\nnot connected>');
  await run(t, 'get greeting', `not connected> get greeting\n"bye"\n${prompt.trimEnd()}`);

  // Up recalls the lines before; the AUTH line was taken out of the history.
  t.press('Up');
  await t.waitFor(new RegExp(`\\n${prompt.replace(/[.[\]]/g, '\\$&')}get greeting$`));
  t.press('Up', 'Up');
  await t.waitFor(new RegExp(`\\n${prompt.replace(/[.[\]]/g, '\\$&')}exec$`));
  t.press('C-c');

  t.press('C-d');
  expect(await t.waitForExit()).toBe(0);

  const history = readFileSync(path.join(config, 'redis-tutor', 'repl-history'), 'utf8');
  expect(history).toContain('set greeting hello\n');
  expect(history).toContain('show chat\n');
  expect(history).not.toMatch(/auth|secret/i);
});

test('a dangerous command on a server the tutor did not start asks first, and "n" keeps the data', async () => {
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/3`], { env: { XDG_CONFIG_HOME: config } }));
  const prompt = `127.0.0.1:${redis.port}[3]> `;
  await t.waitFor(prompt.trimEnd());
  await run(t, 'set keep me', 'OK');
  await run(t, 'flushdb', 'FLUSHDB deletes data on a server the tutor did not start. Run it? (y/N)');
  await run(t, 'n', `(not run)\n${prompt.trimEnd()}`);
  await run(t, 'get keep', '"me"');
  await run(t, 'quit', 'quit');
  expect(await t.waitForExit()).toBe(0);
});

test('sharded subscribe (Redis 7) is subscribed mode too, with its hint, and Ctrl+C leaves it', async () => {
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/0`], { env: { XDG_CONFIG_HOME: config } }));
  const prompt = `127.0.0.1:${redis.port}> `;
  await t.waitFor(prompt.trimEnd());
  await run(t, 'ssubscribe room:1', 'Ctrl+C leaves subscribed mode');
  const { RespClient } = await import('../../src/resp/client.js');
  const publisher = await RespClient.connect({ host: '127.0.0.1', port: redis.port, tls: false, source: 'test' });
  await publisher.call(['SPUBLISH', 'room:1', 'hi']);
  await t.waitFor('1) "smessage"\n2) "room:1"\n3) "hi"\n');
  t.press('C-c');
  await t.waitFor(new RegExp(`\\n${prompt.trimEnd().replace(/[.[\]]/g, '\\$&')}$`));
  // Left for real: the server counts no shard subscriber any more.
  expect(await publisher.call(['PUBSUB', 'SHARDNUMSUB', 'room:1'])).toMatchObject({ value: [{}, { value: 0n }] });
  publisher.close();
  await run(t, 'ping', 'PONG');
  t.press('C-d');
  expect(await t.waitForExit()).toBe(0);
});

test('subscribed mode prints messages as they arrive; Ctrl+C leaves it', async () => {
  const t = (term = openTerminal(['repl', '--url', `${redis.url}/0`], { env: { XDG_CONFIG_HOME: config } }));
  const prompt = `127.0.0.1:${redis.port}> `;
  await t.waitFor(prompt.trimEnd());
  await run(t, 'subscribe news', 'Ctrl+C leaves subscribed mode');
  await t.waitFor(`127.0.0.1:${redis.port}(subscribed mode)>`);
  const { RespClient } = await import('../../src/resp/client.js');
  const publisher = await RespClient.connect({ host: '127.0.0.1', port: redis.port, tls: false, source: 'test' });
  await publisher.call(['PUBLISH', 'news', 'hello there']);
  publisher.close();
  await t.waitFor('1) "message"\n2) "news"\n3) "hello there"\n');
  t.press('C-c');
  await t.waitFor(new RegExp(`\\n${prompt.trimEnd().replace(/[.[\]]/g, '\\$&')}$`));
  await run(t, 'ping', 'PONG');
  t.press('C-d');
  expect(await t.waitForExit()).toBe(0);
});
