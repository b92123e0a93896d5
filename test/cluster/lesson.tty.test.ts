import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startLocalCluster } from '../../src/cluster/start.js';
import { escapeRegExp, openTerminal, PAUSE, type Terminal } from '../helpers/tty.js';
import { isRunning } from '../helpers/process.js';

/**
 * A lesson on the local cluster (test/fixtures/cluster), played by the real bin in a real terminal: by
 * itself (--autoplay) and by typing; what redis-cli -c prints is the oracle for redirects and errors; every
 * node the tutor started is gone from the process table after a normal end, Ctrl+C and SIGTERM.
 */

const LESSONS = new URL('../fixtures/cluster', import.meta.url).pathname;
const ID = 'scaling-fixture';
let config: string;
let term: Terminal | undefined;
let counter = 0;

beforeAll(() => {
  config = mkdtempSync(path.join(os.tmpdir(), 'rt-cluster-tty-'));
});
afterEach(() => term?.kill());
afterAll(() => rmSync(config, { recursive: true, force: true }));

/** The lesson on --builtin (a cluster lesson never touches that connection), resumed at step `at` when given. */
function lesson(extra: string[], at?: string): Terminal {
  const home = path.join(config, String(counter++));
  mkdirSync(path.join(home, 'redis-tutor'), { recursive: true });
  if (at !== undefined) {
    const progress = { version: 1, welcomed: true, last: ID, lessons: { [ID]: { steps: {}, current: at, finished: false, seconds: 0 } } };
    writeFileSync(path.join(home, 'redis-tutor', 'progress.json'), JSON.stringify(progress));
  }
  return (term = openTerminal(['--builtin', 'lesson', ID, '--lessons', LESSONS, ...extra], { env: { XDG_CONFIG_HOME: home }, width: 100, height: 50 }));
}

/** The redis-server processes the tutor of this lesson started (its children), found by the lesson's command line. */
function tutorAndNodes(): { tutor: number; nodes: number[] } {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.split('\n').map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m) => m !== null);
  const tutor = Number(ps.find((m) => m[3]!.includes(`redis-tutor.js --builtin lesson ${ID}`) && !m[3]!.startsWith('sh '))?.[1]);
  const nodes = ps.filter((m) => Number(m[2]) === tutor && /redis-server/.test(m[3]!)).map((m) => Number(m[1]));
  return { tutor, nodes };
}

/** Every redis-server the lesson's tutor has as a child, gathered every 50 ms until `stop` (topologies come and go). */
function watchNodes(): { stop(): number[] } {
  const seen = new Set<number>();
  const look = () => tutorAndNodes().nodes.forEach((pid) => seen.add(pid));
  const timer = setInterval(look, 50);
  return {
    stop() {
      clearInterval(timer);
      return [...seen];
    },
  };
}

async function expectGone(pids: number[]): Promise<void> {
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) await expect.poll(() => isRunning(pid), { timeout: 5000, interval: 50 }).toBe(false);
}

/** What redis-cli -c prints (formatted, as on a terminal) for each command, against a local cluster of the test's own, ports as P. */
async function redisCli(commands: string[]): Promise<string[]> {
  const cluster = await startLocalCluster('cluster');
  try {
    const port = String(cluster.nodes[0]!.port);
    // Commands on standard input: redis-cli -c prints its redirect line only when it reads them there (or at its prompt).
    return commands.map((line) => P(spawnSync('redis-cli', ['-c', '--no-raw', '-p', port], { encoding: 'utf8', input: `${line}\n` }).stdout).trimEnd());
  } finally {
    await cluster.stop();
  }
}

const P = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:P');

it('plays itself: a replica read, a redirect and CROSSSLOT as redis-cli -c prints them, a failover; no node left', async () => {
  const [moved, crossslot] = await redisCli([
    'SET foo bar',
    'MSET a 1 b 2',
  ]);
  expect(moved).toBe('-> Redirected to slot [12182] located at 127.0.0.1:P\nOK');
  const t = lesson(['--autoplay']);
  const watch = watchNodes();
  const code = await t.waitForExit(60_000);
  const nodes = watch.stop();
  expect(code).toBe(0);
  // The replication pair, then the cluster's six.
  expect(nodes.length).toBeGreaterThanOrEqual(8);
  const screen = P(t.history());
  expect(screen).toContain('replica 127.0.0.1:P> GET greeting\n(replica) "hi"');
  expect(screen).toContain("(replica) (error) READONLY You can't write against a read only replica.");
  expect(screen).toContain(`127.0.0.1:P> SET foo bar\n${moved}\n127.0.0.1:P> WAIT 1 1000`);
  expect(screen).toContain(`127.0.0.1:P> MSET a 1 b 2\n${crossslot}`);
  expect(screen).toMatch(/primary-3 \(pid \d+\) killed with SIGKILL/);
  expect(screen).toMatch(/replica-3 took over from primary-3 after \d+\.\d s/);
  expect(screen).toContain('127.0.0.1:P> GET foo\n"bar"');
  await expectGone(nodes);
});

it('by typing: the prompt follows the redirects, the checks find keys on their nodes; no node left after the lesson ends', async () => {
  const t = lesson([], 'tagged');
  const watch = watchNodes();
  const prompt = /127\.0\.0\.1:(\d+)>\s*$/;
  await t.onScreen(prompt, 30_000);
  // A rebuilt start (retry) goes back to the first topology and replays every line: foo is where it was, and A with it.
  t.type('retry');
  t.press('Enter');
  await t.onScreen(prompt, 30_000);
  t.type('GET foo');
  t.press('Enter');
  await t.waitFor(/127\.0\.0\.1:\d+> GET foo\n"bar"\n127\.0\.0\.1:\d+>/, 10_000);
  t.type('GET b');
  t.press('Enter');
  const after = await t.waitFor(/GET b\n-> Redirected to slot \[3300\] located at 127\.0\.0\.1:(\d+)\n\(nil\)\n127\.0\.0\.1:(\d+)>/, 10_000);
  const [, to, shown] = /GET b\n-> Redirected to slot \[3300\] located at 127\.0\.0\.1:(\d+)\n\(nil\)\n127\.0\.0\.1:(\d+)>/.exec(after)!;
  expect(shown).toBe(to);
  // `show` reads the key on the node that serves it, wherever the lesson's connection is.
  t.type('show foo');
  t.press('Enter');
  expect(await t.waitFor(/show foo\n[\s\S]*bar[\s\S]*127\.0\.0\.1:\d+>\s*$/, 10_000)).not.toMatch(/MOVED/);
  t.type('SADD {room:1}:members ada');
  t.press('Enter');
  await t.waitFor(new RegExp(`${escapeRegExp('SADD {room:1}:members ada')}\\n-> Redirected to slot \\[10963\\] located at 127\\.0\\.0\\.1:\\d+\\n\\(integer\\) 1`), 10_000);
  await t.waitFor('Done!', 10_000);
  await t.onScreen(PAUSE, 10_000);
  t.press('Enter');
  await t.waitFor(/replica-3 took over from primary-3/, 30_000);
  await t.waitFor(/replica-3 127\.0\.0\.1:\d+\.\n[\s\S]*\n127\.0\.0\.1:\d+> GET foo\n"bar"/, 10_000);
  expect(await t.waitForExit(30_000)).toBe(0);
  await expectGone(watch.stop());
});

it.each(['Ctrl+C', 'SIGTERM'])('%s mid-lesson: every node is gone from the process table', async (how) => {
  const t = lesson([], 'tagged');
  await t.onScreen(/127\.0\.0\.1:\d+>\s*$/, 30_000);
  const { tutor, nodes } = tutorAndNodes();
  // The cluster's six, and the replication pair kept for a step back to it (a flush instead of a start).
  expect(nodes).toHaveLength(8);
  if (how === 'Ctrl+C') t.press('C-c');
  else process.kill(tutor, 'SIGTERM');
  await t.waitForExit(15_000);
  await expectGone(nodes);
});

it('without redis-server: greyed out in the menu with how to get one, and `lesson` refuses it without a stack', async () => {
  const home = path.join(config, String(counter++));
  const env = { XDG_CONFIG_HOME: home, REDIS_SERVER_BIN: '/nonexistent/redis-server' };
  const t = (term = openTerminal(['--builtin', 'start', '--lessons', LESSONS], { env, width: 200 }));
  await t.waitFor(/Beyond one server.*REDIS_SERVER_BIN is "\/nonexistent\/redis-server", which is not a file/, 15_000);
  t.kill();
  const refused = (term = openTerminal(['--builtin', 'lesson', ID, '--lessons', LESSONS], { env, width: 200 }));
  expect(await refused.waitForExit(15_000)).not.toBe(0);
  const screen = refused.history();
  expect(screen).toContain('REDIS_SERVER_BIN is "/nonexistent/redis-server", which is not a file');
  expect(screen).not.toMatch(/\n\s+at /);
});
