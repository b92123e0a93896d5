import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ServerControl } from './control.js';
import { OWNER_FILE } from './leftovers.js';
import { CONFIG_FILE, startOwnedServer, writeConfig, type Launched } from './owned-server.js';
import { findRedisServer } from './find-server.js';
import { freePort } from './ports.js';

export { freePort, findRedisServer };

/** A redis-server the tutor started for this run; it is gone when the tutor exits. */
export interface PrivateServer {
  host: string;
  port: number;
  /** The running process (another one after a restart). */
  readonly pid: number;
  stop(): void;
  control: ServerControl;
}

/** `redis-server --version` → "7.0.15", or undefined when the binary does not say. */
export function serverBinaryVersion(bin: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: 3000 }, (err, stdout) => {
      resolve(err ? undefined : /v=(\d+\.\d+\.\d+)/.exec(stdout)?.[1]);
    });
  });
}

/**
 * Starts `bin` on a free loopback port with persistence off, in a fresh temp folder (owned-server.ts: its end
 * registered, a watchdog for a `kill -9` of the tutor).
 * The server reads `redis.conf` in its folder, so `control` can stop it and start it again there (R5).
 */
export async function startPrivateServer(bin: string, attempts = 3): Promise<PrivateServer> {
  const server = await startOwnedServer(bin, async () => ({ port: await freePort(), config: PERSISTENCE_OFF }), { attempts });
  return {
    host: '127.0.0.1',
    port: server.port,
    get pid() {
      return server.current.pid;
    },
    stop: () => server.stop(),
    control: privateControl(server.dir, server.port, () => server.current, () => server.relaunch()),
  };
}

/** The private server's first configuration: nothing written to disk, as a scratch server should. */
const PERSISTENCE_OFF = ['save ""', 'appendonly no'];

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
