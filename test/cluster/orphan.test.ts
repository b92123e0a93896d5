import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { isRunning } from '../helpers/process.js';
import { expectAllGone, type NodeTraces } from './gone.js';

/**
 * A tutor that started a local cluster and is then killed with `kill -9` runs none of its clean-up: the
 * nodes' watchdogs end them and remove their folders; folders whose watchdogs died too are removed by the next
 * run. Each run here has a temp folder of its own (TMPDIR), so no other test's folders are looked at.
 */
const FIXTURE = fileURLToPath(new URL('../fixtures/local-cluster.mjs', import.meta.url));

let tmp: string;
const running: ChildProcessWithoutNullStreams[] = [];
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rt-cluster-orphan-'));
});
afterEach(() => {
  // SIGTERM ends a fixture without its clean-up; its watchdogs still end its nodes.
  for (const child of running.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs the fixture in `tmpdir`; resolves with it and its nodes once the cluster is ready. */
async function startTutor(shape: 'replication' | 'cluster', tmpdir: string): Promise<{ child: ChildProcessWithoutNullStreams; nodes: NodeTraces[] }> {
  mkdirSync(tmpdir, { recursive: true });
  const child = spawn(process.execPath, [FIXTURE, shape], { env: { ...process.env, TMPDIR: tmpdir }, stdio: 'pipe' });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await expect.poll(() => out.includes('\n') || child.exitCode !== null, { timeout: 20_000, interval: 50 }).toBe(true);
  if (!out.includes('\n')) throw new Error(`the fixture ended: ${err}`);
  return { child, nodes: JSON.parse(out.split('\n')[0]!) as NodeTraces[] };
}

async function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** The pids of the watchdogs of these folders (their command line names the folder). */
function watchdogsOf(dirs: readonly string[]): number[] {
  const lines = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout.split('\n');
  return lines.filter((line) => line.includes('redis-tutor-watchdog') && dirs.some((dir) => line.includes(dir))).map((line) => Number(line.trim().split(/\s+/)[0]));
}

it('kill -9 of a tutor with a cluster: no redis-server and no folder left a few seconds later', async () => {
  const { child, nodes } = await startTutor('cluster', path.join(tmp, 'killed'));
  expect(nodes).toHaveLength(6);
  expect(watchdogsOf(nodes.map((n) => n.dir))).toHaveLength(6);
  for (const node of nodes) expect(isRunning(node.pid)).toBe(true);
  await killed(child);
  await expectAllGone(nodes, 5000);
  await expect.poll(() => watchdogsOf(nodes.map((n) => n.dir)), { timeout: 3000 }).toEqual([]);
});

it('the next run sweeps the folders (and nodes) of a killed run whose watchdogs died too; a normal end leaves nothing', async () => {
  const own = path.join(tmp, 'sweep');
  const first = await startTutor('replication', own);
  const dirs = first.nodes.map((n) => n.dir);
  for (const pid of watchdogsOf(dirs)) process.kill(pid, 'SIGKILL');
  await killed(first.child);
  // Nothing ended them: the nodes run on, their folders stay.
  for (const node of first.nodes) expect(isRunning(node.pid)).toBe(true);
  for (const dir of dirs) expect(existsSync(dir)).toBe(true);

  const next = await startTutor('replication', own);
  await expectAllGone(first.nodes, 5000);
  for (const node of next.nodes) expect(isRunning(node.pid)).toBe(true);

  const exited = new Promise<number | null>((r) => next.child.once('exit', (code) => r(code)));
  next.child.stdin.end();
  expect(await exited).toBe(0);
  await expectAllGone(next.nodes, 3000);
});
