import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openTerminal, type Terminal } from '../helpers/tty.js';
import { isRunning } from '../helpers/process.js';

/**
 * `lessons check` of a cluster lesson (test/fixtures/cluster), by the real bin in a real terminal: it keeps each
 * shape running and a spare cluster for each `@kill` (topology.ts), so it starts far fewer servers than a start
 * per rebuild would (32 for this lesson); every one of them, spares included, is gone from the process table,
 * and every folder from the temp folder, after a normal end, Ctrl+C and SIGTERM.
 */

const LESSONS = new URL('../fixtures/cluster', import.meta.url).pathname;
let term: Terminal | undefined;
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rt-cluster-check-'));
});
afterEach(() => term?.kill());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The check in a terminal, its servers' folders in a temp folder of its own. */
function check(tmpdir: string): Terminal {
  return (term = openTerminal(['--builtin', 'lessons', 'check', LESSONS], { env: { TMPDIR: tmpdir }, width: 200 }));
}

/** The check's tutor process and the redis-servers it has as children now. */
function tutorAndServers(): { tutor: number; servers: number[] } {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.split('\n').map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter((m) => m !== null);
  const tutor = Number(ps.find((m) => m[3]!.includes(`--builtin lessons check ${LESSONS}`) && !m[3]!.startsWith('env ') && !m[3]!.startsWith('sh '))?.[1]);
  const servers = ps.filter((m) => Number(m[2]) === tutor && /redis-server/.test(m[3]!) && isRunning(Number(m[1]))).map((m) => Number(m[1]));
  return { tutor, servers };
}

/** Every redis-server the check has as a child, gathered every 50 ms until `stop`. */
function watchServers(): { stop(): number[] } {
  const seen = new Set<number>();
  const timer = setInterval(() => tutorAndServers().servers.forEach((pid) => seen.add(pid)), 50);
  return {
    stop() {
      clearInterval(timer);
      return [...seen];
    },
  };
}

async function expectNothingLeft(pids: number[], tmpdir: string): Promise<void> {
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) await expect.poll(() => isRunning(pid), { timeout: 5000, interval: 50 }).toBe(false);
  await expect.poll(() => readdirSync(tmpdir).filter((name) => name.startsWith('redis-tutor-')), { timeout: 5000, interval: 50 }).toEqual([]);
}

it('passes, starting each shape once and one cluster per @kill; no server or folder left', async () => {
  const own = mkdtempSync(path.join(tmp, 'normal-'));
  const t = check(own);
  const watch = watchServers();
  expect(await t.waitForExit(90_000)).toBe(0);
  const servers = watch.stop();
  expect(t.history()).toContain('✓ scaling-fixture');
  // The pair (2), the cluster started beside it (6), a spare during each of the two plays' @kill (6 + 6).
  expect(servers.length).toBeGreaterThanOrEqual(14);
  expect(servers.length).toBeLessThanOrEqual(20);
  await expectNothingLeft(servers, own);
});

it.each(['Ctrl+C', 'SIGTERM'])('%s while a spare cluster runs beside a wounded one: every server and folder is gone', async (how) => {
  const own = mkdtempSync(path.join(tmp, 'signal-'));
  const t = check(own);
  const watch = watchServers();
  // After a @kill: the pair, the wounded cluster's five and the spare's six.
  await expect.poll(() => tutorAndServers().servers.length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(13);
  const { tutor } = tutorAndServers();
  if (how === 'Ctrl+C') t.press('C-c');
  else process.kill(tutor, 'SIGTERM');
  await t.waitForExit(15_000);
  await expectNothingLeft(watch.stop(), own);
});
