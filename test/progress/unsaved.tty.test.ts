import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { openTerminal, type Terminal } from '../helpers/tty.js';

/**
 * Progress that cannot be saved is said once, with the file and the system's reason; the lesson goes on, never
 * claims "Progress saved", and leaves no temp file behind.
 */

let server: TestRedis;
let root: string;

beforeAll(async () => {
  server = await startRedis();
  root = mkdtempSync(path.join(os.tmpdir(), 'rt-unsaved-'));
  // Another user (below) must be able to reach its config folder.
  chmodSync(root, 0o755);
});
afterAll(async () => {
  await server.stop();
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** Opens `lesson intro` and leaves at its first prompt with `quit`; returns everything the terminal showed. */
async function quitFirstPrompt(config: string, node?: string): Promise<string> {
  const t: Terminal = openTerminal(['lesson', 'intro', '--url', server.url], { env: { XDG_CONFIG_HOME: config }, width: 200, ...(node ? { node } : {}) });
  try {
    await t.onScreen(/Press Enter to go on[^\n]*$|\[15\]>\s*$/);
    t.type('quit');
    t.press('Enter');
    expect(await t.waitForExit()).toBe(0);
    return t.history();
  } finally {
    t.kill();
  }
}

function expectToldOnce(screen: string, file: string, reason: RegExp): void {
  const told = screen.split(`Your progress could not be saved to ${file} (`);
  expect(told).toHaveLength(2);
  expect(told[1]).toMatch(reason);
  expect(screen).not.toMatch(/Progress saved/);
}

it('progress.json is a directory', async () => {
  const config = path.join(root, 'dir');
  const folder = path.join(config, 'redis-tutor');
  mkdirSync(path.join(folder, 'progress.json'), { recursive: true });
  const screen = await quitFirstPrompt(config);
  expectToldOnce(screen, path.join(folder, 'progress.json'), /^[^)]*\(E(ISDIR|EXIST|NOTEMPTY)\)\); the lesson goes on/);
  expect(readdirSync(folder)).toEqual(['progress.json']);
});

it('the config folder is not writable', async () => {
  const config = path.join(root, 'readonly');
  const folder = path.join(config, 'redis-tutor');
  mkdirSync(folder, { recursive: true });
  chmodSync(config, 0o755);
  chmodSync(folder, 0o555);
  let node: string | undefined;
  if (process.getuid?.() === 0) {
    // root writes anywhere: the tutor runs as nobody, for whom the folder is read-only.
    node = path.join(root, 'node-as-nobody');
    writeFileSync(node, `#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups '${process.execPath}' "$@"\n`, { mode: 0o755 });
  }
  const screen = await quitFirstPrompt(config, node);
  expectToldOnce(screen, path.join(folder, 'progress.json'), /^permission denied \(EACCES\)\); the lesson goes on/);
  expect(readdirSync(folder)).toEqual([]);
});
