import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';
import { onExit } from './cleanup.js';
import type { ServerControl } from './control.js';
import { markOwner, OWNER_FILE, sweepLeftovers } from './leftovers.js';
import { startWatchdog } from './watch.js';

/** A redis-server the tutor started for this run; it is gone when the tutor exits. */
export interface PrivateServer {
  host: string;
  port: number;
  /** The running process (another one after a restart). */
  readonly pid: number;
  stop(): void;
  control: ServerControl;
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
 * A tutor that cannot run its end (`kill -9`) leaves that to the folder's watchdog (watch.ts).
 * The server reads `redis.conf` in its folder, so `control` can stop it and start it again there (R5).
 */
export async function startPrivateServer(bin: string, attempts = 3): Promise<PrivateServer> {
  let lastOutput = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-'));
    markOwner(dir);
    writeConfig(dir, port, PERSISTENCE_OFF);
    const watchdog = startWatchdog(dir);
    // Beside the start, not before it: what runs killed earlier left behind.
    if (attempt === 0) void sweepLeftovers(path.dirname(dir), dir).catch(() => undefined);
    let child: Launched | undefined;
    const stop = () => {
      child?.kill();
      rmSync(dir, { recursive: true, force: true });
      watchdog.release();
    };
    const unregister = onExit(stop);
    const launched = await launch(bin, dir, port, watchdog.watch);
    if (launched.ok) {
      child = launched.child;
      const relaunch = async () => {
        const again = await launch(bin, dir, port, watchdog.watch);
        if (!again.ok) throw new Error(again.output.trim().split('\n').slice(-3).join('\n') || 'redis-server did not start');
        child = again.child;
      };
      return {
        host: '127.0.0.1',
        port,
        get pid() {
          return child!.pid;
        },
        stop: () => {
          unregister();
          stop();
        },
        control: privateControl(dir, port, () => child!, relaunch),
      };
    }
    unregister();
    stop();
    lastOutput = launched.output;
    if (!/Address already in use|bind/i.test(launched.output)) break;
  }
  throw new UserError(msg.spawnFailed(bin, lastOutput.trim().split('\n').slice(-3).join('\n')));
}

/** The private server's first configuration: nothing written to disk, as a scratch server should. */
const PERSISTENCE_OFF = ['save ""', 'appendonly no'];

/** Writes the folder's `redis.conf`: the address and folder, then `extra` lines (none: Redis's defaults). */
function writeConfig(dir: string, port: number, extra: readonly string[]): void {
  const lines = [`port ${port}`, 'bind 127.0.0.1', `dir "${dir.replace(/\\/g, '\\\\')}"`, 'daemonize no', 'logfile ""', ...extra];
  writeFileSync(path.join(dir, CONFIG_FILE), `${lines.join('\n')}\n`);
}

/** The server's configuration file: what `@restart-from-config` starts from, and what CONFIG REWRITE writes. */
const CONFIG_FILE = 'redis.conf';

/** One redis-server process of the private server. */
interface Launched {
  readonly pid: number;
  /** Resolves once the process has ended. */
  readonly exited: Promise<void>;
  kill(): void;
}

/** Starts the folder's server; `started` hears its pid at once, before it is ready. */
async function launch(bin: string, dir: string, port: number, started: (pid: number) => void): Promise<{ ok: true; child: Launched } | { ok: false; output: string }> {
  const child = spawn(bin, [path.join(dir, CONFIG_FILE)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  if (child.pid !== undefined) started(child.pid);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let gone = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      gone = true;
      resolve();
    });
    child.once('error', () => {
      gone = true;
      resolve();
    });
  });
  const kill = () => {
    if (!gone && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const ready = await waitForReady(port, () => gone || child.pid === undefined, 5000);
  if (!ready || child.pid === undefined) {
    kill();
    return { ok: false, output };
  }
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return { ok: true, child: { pid: child.pid, exited, kill } };
}

/** R5 on the private server: its process stopped (cleanly or killed) and started again in its folder. */
function privateControl(dir: string, port: number, current: () => Launched, relaunch: () => Promise<void>): ServerControl {
  const send = (...args: string[]) => rawCommand(port, args);
  const killed = async () => {
    const child = current();
    child.kill();
    await child.exited;
  };
  /** SHUTDOWN as a learner's redis-cli sends it: a snapshot when save points are set; the AOF flushed. */
  const shutdown = async () => {
    const child = current();
    // Redis refuses to stop while it writes its first AOF ("Writing initial AOF, can't exit"): a clean
    // stop waits for that, as an operator would, rather than becoming a kill.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const refused = await send('SHUTDOWN').then(() => false, (err: Error) => /can't exit|can not exit|Errors trying to SHUTDOWN/i.test(err.message));
      if (!refused) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.race([child.exited, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    await killed();
  };
  const rewriteDone = async () => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && BUSY_AOF.test(await infoPersistence(port))) await new Promise((r) => setTimeout(r, 50));
  };
  const withRunningConfig = async (stop: () => Promise<void>) => {
    const file = path.join(dir, CONFIG_FILE);
    const kept = readFileSync(file);
    await send('CONFIG', 'REWRITE');
    await stop();
    try {
      await relaunch();
    } finally {
      writeFileSync(file, kept);
    }
  };
  return {
    async fresh() {
      await killed();
      for (const name of readdirSync(dir)) if (name !== OWNER_FILE) rmSync(path.join(dir, name), { recursive: true, force: true });
      writeConfig(dir, port, []);
      await relaunch();
    },
    // The same process started again keeps its running configuration: the server writes it to its file
    // (CONFIG REWRITE) for the start, and the file goes back to what it held (the learner's own CONFIG
    // REWRITE included), since that is what the next start from the configuration file reads.
    async restart() {
      await withRunningConfig(shutdown);
    },
    async crash() {
      // Never in the middle of the first AOF, nor with writes Redis held back from it, which a busy machine
      // may take longer to finish than the lesson's pause: what a crash keeps must not depend on its speed.
      await rewriteDone();
      await withRunningConfig(killed);
    },
    async restartFromConfig() {
      await shutdown();
      await relaunch();
    },
  };
}

/**
 * Redis is still writing its AOF: its first one (a child), or acknowledged writes it held back in memory
 * while a background fsync ran (appendfsync everysec postpones them up to 2 s on a busy disk).
 */
const BUSY_AOF = /^(aof_rewrite_in_progress:1|aof_rewrite_scheduled:1|aof_buffer_length:[1-9]|aof_pending_bio_fsync:[1-9])/m;

/** INFO persistence, as text ('' when it cannot be read). */
function infoPersistence(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('connect', () => socket.write('*2\r\n$4\r\nINFO\r\n$11\r\npersistence\r\n'));
    socket.on('data', (d: Buffer) => {
      data += d.toString();
      const header = /^\$(\d+)\r\n/.exec(data);
      if (header && data.length >= header[0].length + Number(header[1])) socket.destroy();
    });
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(''));
  });
}

/** Sends one command on a connection of its own and resolves with the first reply line (or on close). */
function rawCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let data = '';
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error(`${args.join(' ')}: no answer`));
    });
    socket.on('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
    socket.on('data', (d: Buffer) => {
      data += d.toString();
      if (data.includes('\r\n')) {
        socket.destroy();
        if (data.startsWith('-')) reject(new Error(data.slice(1).trim()));
        else resolve(data.trim());
      }
    });
    socket.on('close', () => resolve(data.trim()));
    socket.on('error', reject);
  });
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

