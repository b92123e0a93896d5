import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, HERMETIC_ENV } from '../helpers/bin.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';

/**
 * `redis-tutor repl < file | head -1`: the reader stops reading, and that is a normal end. redis-cli dies of
 * SIGPIPE there (the shell says 141); Node cannot, so the tutor exits 141 itself, without a word. (redis-cli
 * is not compared here: started from Node it inherits SIGPIPE ignored, and then runs to the end and exits 0.)
 */

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** The shell's view of `yes <lines> | head -<count> | <command> | head -1`: each command's exit status. */
function throughHead(command: string, lines: number, repeated = 'PING'): { statuses: number[]; stderr: string } {
  const script = `yes "$REPEATED" | head -${lines} | ${command} 2>"$ERRFILE" | head -1 >/dev/null; echo "\${PIPESTATUS[@]}"; cat "$ERRFILE"`;
  const env = { ...process.env, ...HERMETIC_ENV, ERRFILE: `/tmp/rt-closed-${process.pid}.err`, REPEATED: repeated };
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env });
  const [statuses = '', ...rest] = r.stdout.split('\n');
  return { statuses: statuses.split(' ').map(Number), stderr: rest.join('\n') };
}

test('repl in a pipe whose reader has gone: exit 141, nothing said but the connection line', () => {
  const { statuses, stderr } = throughHead(`'${process.execPath}' '${BIN}' repl --url ${redis.url}`, 200_000);
  expect(stderr.trim()).toBe(`Redis ${serverVersion()} at 127.0.0.1:${redis.port}, db 15`);
  expect(statuses[2]).toBe(141);
});

// Several commands, large replies (INFO), and the tutor's two servers of its own: the same quiet end.
test.each([['--builtin'], ['--spawn'], ['--url']])('repl %s: many commands with large replies into head -1, exit 141 and no report', (flag) => {
  const where = flag === '--url' ? `--url ${redis.url}` : flag;
  const { statuses, stderr } = throughHead(`'${process.execPath}' '${BIN}' repl ${where}`, 30_000, 'SET k v\nGET k\nINFO\nLRANGE nothing 0 -1');
  expect(stderr).not.toMatch(/went wrong|report it|EPIPE/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(statuses[2]).toBe(141);
});

test('the reader closing before anything is written: still quiet', async () => {
  const child = spawn(process.execPath, [BIN, 'repl', '--url', redis.url], { env: { ...process.env, ...HERMETIC_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => undefined);
  child.stdin.end('PING\n'.repeat(10_000));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  expect(stderr).not.toContain('report it');
  expect(code).toBe(141);
});

function serverVersion(): string {
  return /redis_version:(\S+)/.exec(spawnSync('redis-cli', ['-p', String(redis.port), 'INFO', 'server'], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
}
