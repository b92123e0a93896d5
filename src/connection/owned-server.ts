import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { msg } from '../ui/messages.js';
import { onExit } from './cleanup.js';
import { markOwner, removeFolder, sweepLeftovers } from './leftovers.js';
import { startWatchdog } from './watch.js';

/**
 * One redis-server the tutor started and owns (the private server, a node of a local cluster): on a loopback
 * port, in a temp folder named for the leftovers sweep (leftovers.ts) with the tutor's pid in it, watched by a
 * watchdog (watch.ts) for a `kill -9` of the tutor, and stopped on any other end of the tutor (cleanup.ts).
 */
export interface OwnedServer {
  readonly port: number;
  readonly dir: string;
  /** The running process (another one after `relaunch`). */
  readonly current: Launched;
  /** Starts the folder's server again from its `redis.conf`, on the same port. */
  relaunch(): Promise<void>;
  /** SIGKILL, as a crash; resolves once the process is gone. The folder stays until `stop`. */
  kill(): Promise<void>;
  /** The process killed, the folder removed, the watchdog ended. Synchronous, so that it can run on exit. */
  stop(): void;
}

/** What one start of a server is given: its port and the lines of `redis.conf` after the address and folder. */
export interface ServerSetup {
  port: number;
  config: readonly string[];
}

export interface OwnedServerOptions {
  /** Starts tried when the port turns out to be taken. @default 3 */
  attempts?: number;
  /** Whether this start also removes what killed runs left (one server of several need not). @default true */
  sweep?: boolean;
}

/**
 * Starts `bin` in a fresh temp folder, in its own process group (so the terminal's Ctrl+C reaches the tutor,
 * not the server), and registers its end. `setup` is asked again for each attempt (a port may have been taken).
 */
export async function startOwnedServer(bin: string, setup: () => Promise<ServerSetup>, options: OwnedServerOptions = {}): Promise<OwnedServer> {
  const attempts = options.attempts ?? 3;
  let lastOutput = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const { port, config } = await setup();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-'));
    markOwner(dir);
    writeConfig(dir, port, config);
    const watchdog = startWatchdog(dir);
    // Beside the start, not before it: what runs killed earlier left behind.
    if (attempt === 0 && options.sweep !== false) void sweepLeftovers(path.dirname(dir), dir).catch(() => undefined);
    let child: Launched | undefined;
    // A process spawned and not yet answering: an exit then (a spare cluster starting in the background) ends it too.
    let starting: number | undefined;
    const spawned = (pid: number) => {
      starting = pid;
      watchdog.watch(pid);
    };
    const stop = () => {
      child?.kill();
      if (starting !== undefined) killPid(starting);
      removeFolder(dir);
      watchdog.release();
    };
    const unregister = onExit(stop);
    const launched = await launch(bin, dir, port, spawned);
    starting = undefined;
    if (launched.ok) {
      child = launched.child;
      return {
        port,
        dir,
        get current() {
          return child!;
        },
        async relaunch() {
          let again = await launch(bin, dir, port, spawned);
          // The port was this server's a moment ago; another program's check for a free port (listen, then
          // close at once) may hold it right now. Such a hold is brief: try again a few times before failing.
          for (let tries = 0; !again.ok && tries < RELAUNCH_RETRIES && PORT_TAKEN.test(again.output); tries++) {
            await new Promise((r) => setTimeout(r, RELAUNCH_PAUSE_MS));
            again = await launch(bin, dir, port, spawned);
          }
          starting = undefined;
          if (!again.ok) throw new Error(lastLines(again.output) || 'redis-server did not start');
          child = again.child;
        },
        async kill() {
          child!.kill();
          await child!.exited;
          // The pid may be another program's one day: the watchdog must not kill it.
          watchdog.watch(0);
        },
        stop() {
          unregister();
          stop();
        },
      };
    }
    unregister();
    stop();
    lastOutput = launched.output;
    if (!PORT_TAKEN.test(launched.output)) break;
  }
  throw new UserError(msg.spawnFailed(bin, lastLines(lastOutput)));
}

/** What redis-server prints when its port is taken. */
const PORT_TAKEN = /Address already in use|bind/i;
/** A relaunch finding its port taken tries again this many times, this far apart (2 s in all). */
const RELAUNCH_RETRIES = 10;
const RELAUNCH_PAUSE_MS = 200;

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-3).join('\n');
}

/** Writes the folder's `redis.conf`: the address and folder, then `extra` lines (none: Redis's defaults). */
export function writeConfig(dir: string, port: number, extra: readonly string[]): void {
  const lines = [`port ${port}`, 'bind 127.0.0.1', `dir "${dir.replace(/\\/g, '\\\\')}"`, 'daemonize no', 'logfile ""', ...extra];
  writeFileSync(path.join(dir, CONFIG_FILE), `${lines.join('\n')}\n`);
}

/** The server's configuration file: what `@restart-from-config` starts from, and what CONFIG REWRITE writes. */
export const CONFIG_FILE = 'redis.conf';

/** One redis-server process started in its folder. */
export interface Launched {
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
    if (!gone && child.pid !== undefined) killPid(child.pid);
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
