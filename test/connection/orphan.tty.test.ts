import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commandLines, isRunning, parentOf } from '../helpers/process.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * A tutor killed with `kill -9` runs none of its own clean-up: its private redis-server (with the learner's
 * data) and that server's folder are ended by the folder's watchdog, and a folder an earlier run left behind
 * is removed by the next run. Every run here has a temp folder of its own (TMPDIR), so that no other test's
 * folders are looked at.
 */

let tmp: string;
let term: Terminal | undefined;
const servers: TestRedis[] = [];
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rt-orphan-'));
});
afterEach(async () => {
  term?.kill();
  for (const server of servers.splice(0)) {
    // One the tutor killed has no exit left to wait for.
    if (server.process.signalCode === null) await server.stop();
    else rmSync(server.dir, { recursive: true, force: true });
  }
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

it('kill -9 of the tutor: its private server and folder are gone within seconds', async () => {
  const own = path.join(tmp, 'killed');
  mkdirSync(own);
  const t = (term = openTerminal(['repl', '--spawn'], { env: { TMPDIR: own }, width: 120 }));
  await t.onScreen(/started for you[\s\S]*>$/);
  t.type('INFO server');
  t.press('Enter');
  const screen = await configDir(t);
  const server = Number(/process_id:(\d+)/.exec(screen)?.[1]);
  const dir = /"dir"\n2\) "([^"]+)"/.exec(screen)![1]!;
  expect(path.dirname(dir)).toBe(own);
  expect(isRunning(server)).toBe(true);
  // The server is the tutor's child: its parent is the tutor's node process.
  const tutor = parentOf(server)!;
  expect(spawnSync('ps', ['-o', 'args=', '-p', String(tutor)], { encoding: 'utf8' }).stdout).toMatch(/redis-tutor\.js repl --spawn/);

  process.kill(tutor, 'SIGKILL');
  await expect.poll(() => isRunning(tutor), { timeout: 3000 }).toBe(false);
  await expect.poll(() => isRunning(server), { timeout: 3000, interval: 50 }).toBe(false);
  await expect.poll(() => existsSync(dir), { timeout: 3000, interval: 50 }).toBe(false);
  // The watchdog ended too: nothing runs with the folder in its command line.
  await expect.poll(() => commandLines().includes(dir), { timeout: 3000 }).toBe(false);
});

/** Asks the REPL's server for its folder; returns the screen once the answer shows. */
async function configDir(t: Terminal): Promise<string> {
  t.type('CONFIG GET dir');
  t.press('Enter');
  return t.waitFor(/"dir"\n2\) "[^"]+"/);
}

/** A private server's folder as the tutor makes it: its owner's pid, and a redis.conf naming the server's port. */
function privateFolder(name: string, owner: number | undefined, port: number): string {
  const dir = path.join(tmp, 'sweep', name);
  mkdirSync(dir, { recursive: true });
  if (owner !== undefined) writeFileSync(path.join(dir, 'tutor.pid'), `${owner}\n`);
  writeFileSync(path.join(dir, 'redis.conf'), `port ${port}\nbind 127.0.0.1\n`);
  return dir;
}

/** A real redis-server running in `dir`, as a tutor's private server does. */
async function serverIn(dir: string): Promise<TestRedis> {
  const server = await startRedis(['--dir', dir]);
  servers.push(server);
  return server;
}

it('the next run removes the folders of dead runs (stopping a server still running there), and only those', async () => {
  // A pid that ran once and is gone.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  expect(isRunning(dead)).toBe(false);

  // Its server survived it (its watchdog was killed too).
  const orphanDir = privateFolder('redis-tutor-Orphan', dead, 0);
  const orphan = await serverIn(orphanDir);
  writeFileSync(path.join(orphanDir, 'redis.conf'), `port ${orphan.port}\nbind 127.0.0.1\n`);
  // Its server is gone; another program has taken the port since.
  const other = await startRedis();
  servers.push(other);
  const stale = privateFolder('redis-tutor-Stale1', dead, other.port);
  // A live tutor's (this test process stands for it), with its server.
  const liveDir = privateFolder('redis-tutor-Alive1', process.pid, 0);
  const live = await serverIn(liveDir);
  writeFileSync(path.join(liveDir, 'redis.conf'), `port ${live.port}\nbind 127.0.0.1\n`);
  // No owner named: not the tutor's to judge (another program's, or an older version's).
  const unowned = privateFolder('redis-tutor-NoPid1', undefined, 1);
  // Not a private server's folder name.
  const unrelated = privateFolder('redis-tutor-code-Orphan', dead, 1);

  const t = (term = openTerminal(['repl', '--spawn'], { env: { TMPDIR: path.join(tmp, 'sweep') } }));
  await t.onScreen(/started for you[\s\S]*>$/);
  await expect.poll(() => existsSync(orphanDir), { timeout: 5000 }).toBe(false);
  await expect.poll(() => existsSync(stale), { timeout: 5000 }).toBe(false);
  await expect.poll(() => isRunning(orphan.process.pid!), { timeout: 3000 }).toBe(false);
  // The others, and their servers, as they were.
  expect(isRunning(live.process.pid!)).toBe(true);
  expect(isRunning(other.process.pid!)).toBe(true);
  const ownDir = /"dir"\n2\) "([^"]+)"/.exec(await configDir(t))![1]!;
  expect(readdirSync(path.join(tmp, 'sweep')).sort()).toEqual([liveDir, unowned, unrelated, ownDir].map((d) => path.basename(d)).sort());
});
