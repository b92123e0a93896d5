import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { freePort } from '../helpers/redis-server.js';
import { isAlive } from '../helpers/process.js';


/**
 * Runs `redis-tutor repl` with nothing on the local address, so that it starts a private redis-server,
 * asks that server for its pid and folder, then ends the tutor the given way.
 */
async function privateServerAfter(end: 'stdin-closed' | NodeJS.Signals): Promise<{ pid: number; dir: string; code: number | null; signal: string | null }> {
  const env = { ...process.env, NO_COLOR: '1', REDIS_URL: '', REDIS_TUTOR_LOCAL: `127.0.0.1:${await freePort()}` };
  const child = spawn(process.execPath, [BIN, 'repl'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.write('INFO server\nCONFIG GET dir\n');
  try {
    await expect.poll(() => /process_id:(\d+)[\s\S]*"dir"\n2\) "([^"]+)"/.test(out), { timeout: 10_000 }).toBe(true);
  } catch (err) {
    child.kill('SIGTERM'); // not SIGKILL: that would orphan the private server this test is about
    throw err;
  }
  const [, pid, dir] = /process_id:(\d+)[\s\S]*"dir"\n2\) "([^"]+)"/.exec(out)!;
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  if (end === 'stdin-closed') child.stdin.end();
  else child.kill(end);
  const { code, signal } = await exited;
  return { pid: Number(pid), dir: dir!, code, signal };
}

describe('the private redis-server is gone when the tutor ends', () => {
  for (const end of ['stdin-closed', 'SIGINT', 'SIGTERM'] as const) {
    it(`by ${end === 'stdin-closed' ? 'a normal exit' : end}`, async () => {
      const { pid, dir, code } = await privateServerAfter(end);
      expect(pid).toBeGreaterThan(0);
      expect(code).toBe({ 'stdin-closed': 0, SIGINT: 130, SIGTERM: 143 }[end]);
      await expect.poll(() => isAlive(pid), { timeout: 3000 }).toBe(false);
      // Its folder (and so any dump.rdb) is gone with it.
      expect(existsSync(dir)).toBe(false);
    });
  }
});
