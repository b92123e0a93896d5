import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBuiltinEngine, type RunningEngine } from '../../src/builtin/start.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { firstMismatch, shrink } from './random/differential.js';
import { Rng, type Generator } from './random/rng.js';

// Seeded random commands over a small keyspace, on a real redis-server and on the engine, compared
// reply by reply. Every test/builtin/random/*.gen.ts adds its `generators`. RANDOM_SEED and
// RANDOM_BUDGET override the defaults, RANDOM_FILES=core,datatypes picks generator files; a mismatch
// prints the shortest sequence found that reproduces it.
const SEED = Number(process.env.RANDOM_SEED ?? 20_261_124);
const BUDGET = Number(process.env.RANDOM_BUDGET ?? 20_000);
const FILES = process.env.RANDOM_FILES?.split(',');

let redis: TestRedis;
let engine: RunningEngine;
let generators: Generator[] = [];

beforeAll(async () => {
  const dir = fileURLToPath(new URL('./random/', import.meta.url));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.gen.ts') && (FILES === undefined || FILES.includes(f.replace('.gen.ts', '')))).sort()) {
    const mod = (await import(/* @vite-ignore */ `./random/${file}`)) as { generators: Generator[] };
    generators.push(...mod.generators);
  }
  [redis, engine] = await Promise.all([startRedis(), startBuiltinEngine()]);
});

afterAll(async () => {
  await Promise.all([redis?.stop(), engine?.close()]);
});

function generate(seed: number, count: number): string[][] {
  const r = new Rng(seed);
  const total = generators.reduce((n, g) => n + (g.weight ?? 1), 0);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    let x = r.next() * total;
    let g = generators[0]!;
    for (const candidate of generators) {
      x -= candidate.weight ?? 1;
      if (x < 0) {
        g = candidate;
        break;
      }
    }
    out.push(g.make(r));
  }
  return out;
}

const quote = (a: string) => (/^[\x21-\x7e]+$/.test(a) && !/["'\\]/.test(a) ? a : JSON.stringify(a).replace(/\\u00([0-9a-f]{2})/g, '\\x$1'));

// The same commands over RESP2 and over RESP3 connections (HELLO 3 first).
it.each([2, 3] as const)(`random commands (seed ${SEED}, ${BUDGET} commands) answer as on Redis over RESP%i`, { timeout: 600_000 }, async (resp) => {
  expect(generators.length).toBeGreaterThan(10);
  const commands = generate(SEED, BUDGET);
  const mismatch = await firstMismatch(redis.port, engine.port, commands, resp);
  if (mismatch === undefined) return;
  const shortest = await shrink(redis.port, engine.port, commands.slice(0, mismatch.index + 1), 1500, resp);
  const last = await firstMismatch(redis.port, engine.port, shortest, resp);
  const listing = shortest.map((args) => args.map(quote).join(' ')).join('\n');
  const reproduced = last !== undefined ? '' : '\n(the shortened sequence did not reproduce it: a timing race, or state the shrinking lost)';
  expect.fail(
    `RESP${resp}: mismatch at command ${mismatch.index + 1} of seed ${SEED}: ${commands[mismatch.index]!.map(quote).join(' ')}\n` +
      `redis:  ${mismatch.expected}\nengine: ${mismatch.actual}\n` +
      `shortest reproduction (${shortest.length} commands):\n${listing}\n` +
      `redis:  ${last?.expected ?? '-'}\nengine: ${last?.actual ?? '-'}${reproduced}`,
  );
});
