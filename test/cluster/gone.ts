import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { isRunning } from '../helpers/process.js';

/** What a local cluster's nodes leave to check: their processes, ports and folders. */
export interface NodeTraces {
  pid: number;
  port: number;
  dir: string;
}

/** Waits until every node's process is gone from the process table (no redis-server on its port either) and its folder is removed. */
export async function expectAllGone(nodes: readonly NodeTraces[], timeout = 5000): Promise<void> {
  for (const node of nodes) {
    await expect.poll(() => isRunning(node.pid), { timeout, interval: 50 }).toBe(false);
    await expect.poll(() => pgrep(`127.0.0.1:${node.port}`), { timeout, interval: 50 }).toBe('');
    await expect.poll(() => existsSync(node.dir), { timeout, interval: 50 }).toBe(false);
  }
}

/** `pgrep -af pattern`: the matching processes' lines ('' when none). */
export function pgrep(pattern: string): string {
  return spawnSync('pgrep', ['-af', pattern], { encoding: 'utf8' }).stdout.trim();
}
