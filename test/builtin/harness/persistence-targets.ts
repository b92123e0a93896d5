import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBuiltinEngine, type RunningEngine } from '../../../src/builtin/start.js';
import { freePort } from '../../helpers/redis-server.js';
import { RawConnection } from './connection.js';
import { encodeReply, type Reply } from './resp.js';

/**
 * A server a persistence sequence runs on, with the four control operations: a real redis-server
 * 7.0.15 (stopped with SHUTDOWN or SIGKILL and started again in the same folder) or the built-in engine
 * (its `control`). Both start as the tutor's private server does: `save ""`, `appendonly no`.
 */
export interface Target {
  command(args: string[]): Promise<Reply>;
  fresh(): Promise<void>;
  restart(): Promise<void>;
  crash(): Promise<void>;
  restartFromConfig(): Promise<void>;
  stop(): Promise<void>;
}

export type Step = string[] | 'fresh' | 'restart' | 'crash' | 'restartFromConfig' | { sleep: number } | { info: string } | { settle: 'aof' };

/** Runs the steps, answering a transcript: each command and its reply, each control step by name. */
export async function transcript(target: Target, steps: Step[]): Promise<string[]> {
  const out: string[] = [];
  for (const step of steps) {
    if (typeof step === 'string') {
      // A crash of a server that is not still writing its AOF: on a busy machine Redis holds acknowledged
      // writes back while a background fsync runs, and what a kill then loses depends on the machine.
      if (step === 'crash') await aofWritten(target);
      await target[step]();
      out.push(`-- ${step}`);
    } else if (Array.isArray(step)) {
      const reply = await target.command(step);
      out.push(`${step.join(' ')} -> ${encodeReply(sorted(step, reply))}`);
    } else if ('sleep' in step) {
      await new Promise((r) => setTimeout(r, step.sleep));
    } else if ('settle' in step) {
      await aofWritten(target);
    } else {
      const info = await target.command(['INFO', 'persistence']);
      const line = String(info.v).split('\r\n').find((l) => l.startsWith(`${step.info}:`));
      out.push(`INFO ${line}`);
    }
  }
  return out;
}

/**
 * Waits (at most 10 s) until the server has no AOF rewrite running or scheduled and no write held back from
 * its AOF: on a busy machine Redis's first AOF (a child's work after `CONFIG SET appendonly yes`) and its
 * postponed writes can take longer than any fixed pause.
 */
async function aofWritten(target: Target): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const info = String((await target.command(['INFO', 'persistence'])).v);
    if (!/^(aof_rewrite_in_progress:1|aof_rewrite_scheduled:1|aof_buffer_length:[1-9]|aof_pending_bio_fsync:[1-9])/m.test(info)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** KEYS and SMEMBERS in a stable order (neither promises one). */
function sorted(args: string[], reply: Reply): Reply {
  const name = args[0]!.toLowerCase();
  if ((name === 'keys' || name === 'smembers') && reply.t === '*' && reply.v !== null) return { t: '*', v: [...reply.v].sort((a, b) => (String(a.v) < String(b.v) ? -1 : 1)) };
  return reply;
}

async function ask(port: number, args: string[]): Promise<Reply> {
  const conn = await RawConnection.open(port);
  try {
    conn.send(args.map((a) => Buffer.from(a)));
    const reply = await conn.read(5000);
    if (reply === undefined) throw new Error(`no reply to ${args.join(' ')}`);
    return reply;
  } finally {
    conn.close();
  }
}

export async function engineTarget(): Promise<Target & { engine: RunningEngine }> {
  const engine = await startBuiltinEngine();
  return {
    engine,
    command: (args) => ask(engine.port, args),
    fresh: () => engine.control.fresh(),
    restart: () => engine.control.restart(),
    crash: () => engine.control.crash(),
    restartFromConfig: () => engine.control.restartFromConfig(),
    stop: () => engine.close(),
  };
}

const TUTOR_START = ['--save', '', '--appendonly', 'no'];
/** What `fresh` starts with: Redis's own defaults for persistence (the save points on). */
const FRESH_START = ['--appendonly', 'no'];

export async function redisTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-tutor-persist-'));
  const port = await freePort();
  let startArgs = TUTOR_START;
  let child: ChildProcess | undefined;

  const start = async (args: string[]): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, ...args], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    for (;;) {
      try {
        const reply = await ask(port, ['PING']);
        if (reply.t === '+') return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const exited = async (): Promise<void> => {
    const c = child!;
    if (c.exitCode === null && c.signalCode === null) await new Promise((r) => c.once('exit', r));
  };
  const kill = async (): Promise<void> => {
    child!.kill('SIGKILL');
    await exited();
  };
  const shutdown = async (): Promise<void> => {
    const conn = await RawConnection.open(port);
    conn.send([Buffer.from('SHUTDOWN')]);
    await conn.waitClosed(5000);
    conn.close();
    await exited();
  };
  /** The running configuration's persistence settings, as command-line arguments. */
  const running = async (): Promise<string[]> => {
    const args: string[] = [];
    for (const name of ['save', 'appendonly', 'appendfsync']) {
      const reply = await ask(port, ['CONFIG', 'GET', name]);
      args.push(`--${name}`, String((reply.v as Reply[])[1]!.v));
    }
    return args;
  };

  await start(startArgs);
  return {
    command: (args) => ask(port, args),
    fresh: async () => {
      await kill();
      for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { recursive: true, force: true });
      startArgs = FRESH_START;
      await start(startArgs);
    },
    restart: async () => {
      const args = await running();
      await shutdown();
      await start(args);
    },
    crash: async () => {
      const args = await running();
      await kill();
      await start(args);
    },
    restartFromConfig: async () => {
      await shutdown();
      await start(startArgs);
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
