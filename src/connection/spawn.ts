import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';
import { onExit } from './cleanup.js';

/** A redis-server the tutor started for this run; it is gone when the tutor exits. */
export interface PrivateServer {
  host: string;
  port: number;
  pid: number;
  stop(): void;
}

/** REDIS_SERVER_BIN, else the first `redis-server` on PATH, else undefined. */
export function findRedisServer(env: NodeJS.ProcessEnv): string | undefined {
  if (env.REDIS_SERVER_BIN) return isFile(env.REDIS_SERVER_BIN) ? env.REDIS_SERVER_BIN : undefined;
  const names = process.platform === 'win32' ? ['redis-server.exe', 'redis-server'] : ['redis-server'];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `redis-server --version` → "7.0.15", or undefined when the binary does not say. */
export function serverBinaryVersion(bin: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: 3000 }, (err, stdout) => {
      resolve(err ? undefined : /v=(\d+\.\d+\.\d+)/.exec(stdout)?.[1]);
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `bin` on a free loopback port with persistence off, in a fresh temp folder, in its own
 * process group (so the terminal's Ctrl+C reaches the tutor, not the server), and registers its end.
 */
export async function startPrivateServer(bin: string, attempts = 3): Promise<PrivateServer> {
  let lastOutput = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-'));
    const child = spawn(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--logfile', ''],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
    );
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    const stop = () => {
      if (!exited && child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    };
    const unregister = onExit(stop);
    const ready = await waitForReady(port, () => exited || child.pid === undefined, 5000);
    if (ready && child.pid !== undefined) {
      child.stdout?.removeAllListeners('data');
      child.stderr?.removeAllListeners('data');
      child.stdout?.resume();
      child.stderr?.resume();
      return {
        host: '127.0.0.1',
        port,
        pid: child.pid,
        stop: () => {
          unregister();
          stop();
        },
      };
    }
    unregister();
    stop();
    lastOutput = output;
    if (!/Address already in use|bind/i.test(output)) break;
  }
  throw new UserError(msg.spawnFailed(bin, lastOutput.trim().split('\n').slice(-3).join('\n')));
}

async function waitForReady(port: number, dead: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead()) return false;
    if (await answersPing(port)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (d: Buffer) => done(d.toString().startsWith('+PONG')));
    socket.on('error', () => done(false));
  });
}

