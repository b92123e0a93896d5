import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isRunning } from '../helpers/process.js';

/**
 * A server the tutor has spawned but that does not answer yet (a spare cluster starting in the background)
 * when the tutor exits: the exit ends it too, and removes its folder. A stand-in redis-server that never
 * answers keeps it in that state; the tutor is a Node process that exits as main.ts does (process.exit).
 */

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rt-starting-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('a server still starting when the tutor exits is killed, its folder removed', () => {
  const marker = `${process.pid}.${Date.now() % 1000}`;
  const bin = path.join(tmp, 'redis-server');
  writeFileSync(bin, `#!/bin/sh\nexec sleep ${marker}\n`);
  chmodSync(bin, 0o755);
  const tutor = `
    import { spawnSync } from 'node:child_process';
    import { startOwnedServer } from '${DIST}connection/owned-server.js';
    void startOwnedServer(${JSON.stringify(bin)}, async () => ({ port: 1, config: [] }), { sweep: false, attempts: 1 });
    for (;;) {
      const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.split('\\n');
      const line = ps.find((l) => l.includes('sleep ${marker}') && Number(l.trim().split(/\\s+/)[1]) === process.pid);
      if (line) {
        console.log(line.trim().split(/\\s+/)[0]);
        process.exit(0);
      }
      await new Promise((r) => setTimeout(r, 20));
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', tutor], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp }, timeout: 20_000 });
  const pid = Number(run.stdout.trim());
  expect(pid, run.stderr).toBeGreaterThan(0);
  const gone = Date.now() + 3000;
  while (isRunning(pid) && Date.now() < gone) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  const running = isRunning(pid);
  if (running) process.kill(pid, 'SIGKILL');
  expect(running).toBe(false);
  expect(spawnSync('ls', [tmp], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n.startsWith('redis-tutor-'))).toEqual([]);
});
