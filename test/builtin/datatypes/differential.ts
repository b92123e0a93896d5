import { readFileSync } from 'node:fs';
import { Engine } from '../../../src/builtin/engine.js';
import { EngineServer } from '../../../src/builtin/server.js';
import type { CommandSpec } from '../../../src/builtin/types.js';
import { RespClient } from '../../../src/resp/client.js';
import type { RespReply } from '../../../src/resp/types.js';
import { splitArgs } from '../../../src/repl/parse.js';
import { startRedis, type TestRedis } from '../../helpers/redis-server.js';

/**
 * Sequences of commands, run against the built-in engine and a real redis-server, replies compared
 * exactly. File format: sequences separated by blank lines; `#` starts a comment line; each other line is
 * a command in redis-cli syntax. A line starting with `~ ` compares its array reply as a multiset (for
 * replies Redis itself does not order: hashtable-encoded sets). Every sequence starts from FLUSHALL.
 */
export interface Sequence {
  title: string;
  line: number;
  commands: Array<{ args: Buffer[]; unordered: boolean; text: string }>;
}

export function readSequences(file: string): Sequence[] {
  const sequences: Sequence[] = [];
  let current: Sequence | undefined;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      current = undefined;
      return;
    }
    if (current === undefined) sequences.push((current = { title: '', line: i + 1, commands: [] }));
    if (line.startsWith('#')) {
      current.title ||= line.slice(1).trim();
      return;
    }
    const unordered = line.startsWith('~ ');
    const text = unordered ? line.slice(2) : line;
    const args = splitArgs(text);
    if (args === null || args.length === 0) throw new Error(`${file}:${i + 1}: cannot split ${line}`);
    current.commands.push({ args, unordered, text });
  });
  return sequences.filter((s) => s.commands.length > 0);
}

export function show(reply: RespReply): string {
  switch (reply.type) {
    case 'simple':
      return `+${reply.value}`;
    case 'error':
      return `-${reply.value}`;
    case 'integer':
      return `:${reply.value}`;
    case 'bulk':
      return reply.value === null ? '(nil)' : JSON.stringify(reply.value.toString('latin1'));
    case 'array':
      return reply.value === null ? '(nil array)' : `[${reply.value.map(show).join(', ')}]`;
  }
}

function normalise(reply: RespReply, unordered: boolean): string {
  if (!unordered || reply.type !== 'array' || reply.value === null) return show(reply);
  return `[${reply.value.map(show).sort().join(', ')}]`;
}

export interface Pair {
  real: RespClient;
  engine: RespClient;
  stop(): Promise<void>;
}

export async function startPair(commands: CommandSpec[]): Promise<Pair> {
  const redis: TestRedis = await startRedis();
  const engineCore = new Engine({ commands });
  const server = new EngineServer(engineCore);
  const port = await server.listen(0);
  const endpoint = (p: number) => ({ host: '127.0.0.1', port: p, tls: false, source: 'test' });
  const real = await RespClient.connect(endpoint(redis.port));
  const engine = await RespClient.connect(endpoint(port));
  return {
    real,
    engine,
    stop: async () => {
      real.close();
      engine.close();
      await server.close();
      await redis.stop();
    },
  };
}

/** Runs one sequence on both; returns a description of the first difference, or undefined. */
export async function runSequence(pair: Pair, sequence: Sequence): Promise<string | undefined> {
  // A sequence that failed inside MULTI leaves a transaction open: close it (its reply does not matter).
  await Promise.all([pair.real.call(['DISCARD']), pair.engine.call(['DISCARD'])]);
  await Promise.all([pair.real.call(['FLUSHALL']), pair.engine.call(['FLUSHALL'])]);
  const transcript: string[] = [];
  for (const { args, unordered, text } of sequence.commands) {
    const [want, got] = await Promise.all([pair.real.call(args), pair.engine.call(args)]);
    const w = normalise(want, unordered);
    const g = normalise(got, unordered);
    transcript.push(`${text}  ->  ${w}`);
    if (w !== g) return `${sequence.title} (line ${sequence.line})\n${transcript.join('\n')}\n  engine gave: ${g}`;
  }
  return undefined;
}
