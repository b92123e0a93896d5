import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/connection/spawn.js';

/** A real redis-server started by a test on a free loopback port, persistence off, in its own temp folder. */
export interface TestRedis {
  port: number;
  url: string;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The tutor's own free-port finder, shared so tests pick ports the way the private server does. */
export { freePort };

/**
 * Starts `redis-server` with extra arguments (e.g. ['--requirepass', 'secret']) and waits until it is listening.
 * `config`: the text of a configuration file it is started from (e.g. `rename-command FLUSHDB ""`).
 */
export async function startRedis(extraArgs: string[] = [], options: { config?: string } = {}): Promise<TestRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-test-'));
    const configFile = options.config === undefined ? [] : [path.join(dir, 'redis.conf')];
    if (options.config !== undefined) writeFileSync(configFile[0]!, options.config);
    const child = spawn('redis-server', [...configFile, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const ready = await waitFor(() => output.includes('Ready to accept connections') || child.exitCode !== null, 5000);
    if (ready && child.exitCode === null) {
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        dir,
        process: child,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            const gone = new Promise((r) => child.once('exit', r));
            child.kill('SIGKILL');
            await gone;
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 2) throw new Error(`redis-server did not start: ${output}`);
  }
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}
