import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/bin.js';
import { freePort } from '../helpers/redis-server.js';
import { RawConnection } from './harness/connection.js';

// The engine as the learner meets it: through the real bin, with no Redis anywhere.
const noRedisDir = mkdtempSync(path.join(os.tmpdir(), 'rt-no-redis-'));
symlinkSync(process.execPath, path.join(noRedisDir, 'node'));
const configDir = mkdtempSync(path.join(os.tmpdir(), 'rt-builtin-cfg-'));
afterAll(() => {
  rmSync(noRedisDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

describe('the built-in engine in the connection chain', () => {
  it('is the last step of the chain: no server on the local address and no redis-server on PATH', async () => {
    const closed = await freePort();
    const r = await runBin(['lesson', 'intro', '--autoplay'], {
      env: { REDIS_TUTOR_LOCAL: `127.0.0.1:${closed}`, PATH: noRedisDir, XDG_CONFIG_HOME: configDir },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^built-in engine \(in memory, 127\.0\.0\.1:\d+; discarded on exit\)\n/);
    expect(r.code).toBe(0);
  });

  it('is chosen by --builtin, and counts bytes, not characters', async () => {
    const r = await runBin(['repl', '--builtin', '--no-coach'], { input: 'SET greeting 안녕\nSTRLEN greeting\nOBJECT ENCODING greeting\n' });
    // Piped input prints replies only, as redis-cli does.
    expect(r.stdout).toBe('OK\n(integer) 6\n"embstr"\n');
    expect(r.code).toBe(0);
  });

  it('doctor --builtin says lessons will use it', async () => {
    const r = await runBin(['doctor', '--builtin', '--json'], { env: { XDG_CONFIG_HOME: configDir } });
    const report = JSON.parse(r.stdout) as { canRun: boolean; wouldUse: string; rows: Array<{ item: string; status: string }> };
    expect(report.canRun).toBe(true);
    expect(report.wouldUse).toBe('the built-in engine');
    expect(report.rows.find((row) => row.item === 'built-in engine')?.status).toBe('ok');
    expect(r.code).toBe(0);
  });

  it('redis-tutor server runs it in the foreground on the port asked for', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'server', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Ctrl+C')) resolve();
        });
        child.on('exit', () => reject(new Error(`server exited: ${out}`)));
      });
      expect(out).toContain(`listening on 127.0.0.1:${port}`);
      const conn = await RawConnection.open(port);
      conn.writeRaw('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
      expect(await conn.read()).toEqual({ t: '+', v: 'OK' });
      expect(await conn.read()).toEqual({ t: '$', v: 'v' });
      conn.close();
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
  });
});
