import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { isAlive } from '../helpers/process.js';


it('a private server does not outlive a tutor that dies of an uncaught error', async () => {
  const script = fileURLToPath(new URL('../fixtures/crash-with-private-server.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 15_000 });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('boom');
  const pid = Number(r.stdout.trim());
  expect(pid).toBeGreaterThan(0);
  await expect.poll(() => isAlive(pid), { timeout: 3000 }).toBe(false);
});
