import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, HERMETIC_ENV, runBin } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

const commands = readFileSync(new URL('./fixtures/pipe-commands.txt', import.meta.url), 'utf8');

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const redisCli = (args: string[], input = '') => {
  const r = spawnSync('redis-cli', ['-p', String(redis.port), ...args], { input, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
};

/** redis-cli's output with runs of \xHH that spell valid UTF-8 written as characters: the tutor's one difference. */
function readableUtf8(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text.startsWith('\\\\', i)) {
      out += '\\\\';
      i += 2;
      continue;
    }
    const run = /^(\\x[0-9a-f]{2})+/.exec(text.slice(i))?.[0];
    if (run === undefined) {
      out += text[i];
      i += 1;
      continue;
    }
    const bytes = Buffer.from(run.replaceAll('\\x', ''), 'hex');
    const decoded = bytes.toString('utf8');
    out += Buffer.from(decoded, 'utf8').equals(bytes) && !/[\p{C}]/u.test(decoded) ? decoded : run;
    i += run.length;
  }
  return out;
}

test('the fixture is varied and long enough', () => {
  const lines = commands.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThanOrEqual(100);
  for (const needed of [/^XADD/m, /^ZADD/m, /^HSET/m, /^SADD/m, /^RPUSH/m, /^NOSUCHCOMMAND/m, /"a"b/, /한|안녕/, /\\x/, /^3 INCR/m]) {
    expect(commands).toMatch(needed);
  }
});

test('piping a file prints exactly what redis-cli --no-raw prints, UTF-8 aside', async () => {
  redisCli(['FLUSHALL']);
  const tutor = await runBin(['repl', '--url', `${redis.url}/0`], { input: commands, env: { XDG_CONFIG_HOME: redis.dir } });
  expect(tutor.code).toBe(0);
  redisCli(['FLUSHALL']);
  const cli = redisCli(['--no-raw'], commands);

  expect(cli).toContain('\\xec\\x95\\x88'); // redis-cli shows Korean as bytes ...
  expect(tutor.stdout).toContain('"안녕하세요 세계"'); // ... the tutor as text
  expect(tutor.stdout).toContain('"\\xff\\xfe\\x00"'); // invalid UTF-8 stays as bytes
  expect(tutor.stdout.split('\n')).toEqual(readableUtf8(cli).split('\n'));

  // No prompt or header on stdout; the header and the coach's notes go to stderr.
  expect(tutor.stdout).not.toMatch(/Redis 7|> /);
  expect(tutor.stderr).toMatch(/^Redis 7\.\d+\.\d+ at 127\.0\.0\.1:\d+, db 0\n/);
  expect(tutor.stderr).toContain('Syntax: GET key');
  // Later lines were already sent when GET list failed, so the coach does not probe the type (it could have changed).
  expect(tutor.stderr).toContain('"list" holds another type of value than this command works on. TYPE list says which.');
});

test('--raw prints as redis-cli --raw does', async () => {
  const input = 'FLUSHDB\nRPUSH l a b\nLRANGE l 0 -1\nGET nope\nINCR x\nGET\nSET s "a b"\nGET s\nHGETALL nope\n';
  const tutor = await runBin(['repl', '--raw', '--no-coach', '--yes', '--url', `${redis.url}/0`], { input, env: { XDG_CONFIG_HOME: redis.dir } });
  const cli = redisCli(['--raw'], input);
  expect(tutor.stdout).toBe(cli);
  expect(tutor.stderr).not.toMatch(/holds|Syntax/);
});

test('--raw writes values that are not UTF-8 byte for byte, as redis-cli --raw does', async () => {
  const { spawnSync: run } = await import('node:child_process');
  const input = 'SET bin "\\xff\\xfe\\x00a"\nGET bin\nSET ko "안녕"\nGET ko\nLRANGE nope 0 -1\nGET\n';
  const env = { ...process.env, NO_COLOR: '1', REDIS_URL: '', XDG_CONFIG_HOME: redis.dir };
  const tutor = run(process.execPath, [BIN, 'repl', '--raw', '--no-coach', '--url', `${redis.url}/0`], { input, env });
  const cli = run('redis-cli', ['-p', String(redis.port), '--raw'], { input });
  expect(cli.stdout.includes(Buffer.from([0xff, 0xfe, 0x00, 0x61]))).toBe(true);
  expect(tutor.stdout.equals(cli.stdout)).toBe(true);
});

test('a dangerous command on a server the tutor did not start is refused in pipe mode, and runs with --yes', async () => {
  redisCli(['SET', 'keep', 'me']);
  const refused = await runBin(['repl', '--url', `${redis.url}/0`], { input: 'FLUSHALL\nGET keep\n', env: { XDG_CONFIG_HOME: redis.dir } });
  expect(refused.stdout).toBe('"me"\n');
  expect(refused.stderr).toContain('Refused: FLUSHALL on a server the tutor did not start');
  const allowed = await runBin(['repl', '--yes', '--url', `${redis.url}/0`], { input: 'FLUSHALL\nGET keep\n', env: { XDG_CONFIG_HOME: redis.dir } });
  expect(allowed.stdout).toBe('OK\n(nil)\n');
});

test('without a database named, the REPL works in the playground (db 15)', async () => {
  redisCli(['FLUSHALL']);
  const tutor = await runBin(['repl', '--url', redis.url], { input: 'SET here 1\n', env: { XDG_CONFIG_HOME: redis.dir } });
  expect(tutor.stderr).toContain('db 15');
  expect(redisCli(['-n', '15', 'GET', 'here'])).toBe('1\n');
  expect(redisCli(['-n', '0', 'EXISTS', 'here'])).toBe('0\n');
});

test('show reads the key as of its turn, though later lines are already queued', async () => {
  redisCli(['FLUSHALL']);
  const input = `RPUSH l ${Array.from({ length: 30 }, (_, i) => `v${i}`).join(' ')}\nshow l\nDEL l\nshow l\n`;
  const tutor = await runBin(['repl', '--url', `${redis.url}/0`], { input, env: { XDG_CONFIG_HOME: redis.dir } });
  expect(tutor.stdout).toMatch(/^\(integer\) 30\nl {2}type: list[\s\S]*│ 19 +│ -11 +│ "v19" +│\n└[─┴]+┘\n\.\.\. 10 more not shown \(30 in all\)\n\(integer\) 1\n\(no key "l" in this database\)\n$/);
});

test('quit stops reading, even with more lines piped after it', async () => {
  const tutor = await runBin(['repl', '--url', `${redis.url}/0`], { input: 'ECHO one\nquit\nSET after-quit 1\n', env: { XDG_CONFIG_HOME: redis.dir } });
  expect(tutor.stdout).toBe('"one"\n');
  expect(redisCli(['EXISTS', 'after-quit'])).toBe('0\n');
});

test('quit ends the tutor at once, even while whatever feeds the pipe keeps it open', async () => {
  const child = spawn(process.execPath, [BIN, 'repl', '--url', `${redis.url}/0`], { env: { ...process.env, ...HERMETIC_ENV, XDG_CONFIG_HOME: redis.dir }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.write('ECHO still-open\nquit\n'); // and stdin is never ended
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
  if (code === 'still running') child.kill('SIGTERM');
  expect(code).toBe(0);
  expect(out).toBe('"still-open"\n');
});
