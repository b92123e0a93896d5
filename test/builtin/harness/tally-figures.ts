import os from 'node:os';
import { expect } from 'vitest';
import { allCommands } from '../../../src/builtin/commands/index.js';
import { execute } from '../../../src/builtin/dispatch.js';
import { Engine } from '../../../src/builtin/engine.js';
import type { Deque } from '../../../src/builtin/list/deque.js';
import { StoredString } from '../../../src/builtin/stored-string.js';
import type { RedisValue } from '../../../src/builtin/types.js';

/** A key's memory figure as the tally holds it, beside the estimate made from scratch. */
type Figure = { key: string; held: number; fresh: number };

/**
 * An engine in process with one client: `run` sends a command and answers its reply's bytes; `expectHeld`
 * expects each key of database 0 to hold the figure a from-scratch estimate gives (issue 14's speed paths
 * keep a figure instead of estimating again: the two must stay equal), `after` naming what ran.
 */
export function engineWithClient(): { run: (args: string[]) => string; expectHeld: (after: string) => void } {
  const engine = new Engine({ commands: allCommands, config: { dir: os.tmpdir() } });
  const client = engine.newClient(null);
  const run = (args: string[]): string => {
    execute(engine, client, args.map((a) => Buffer.from(a, 'latin1')));
    return client.writer.take()?.toString('latin1') ?? '';
  };
  const expectHeld = (after: string): void => {
    for (const f of figuresOf(engine)) expect(f, `after ${after}: ${f.key} held ${f.held}`).toEqual({ key: f.key, held: f.fresh, fresh: f.fresh });
  };
  return { run, expectHeld };
}

/** Each key's figures; a list's noted lengths (value-size.ts), which estimating it rewrites, are left as they were. */
function figuresOf(engine: Engine): Figure[] {
  const db = engine.databases[0]!;
  return [...db.entries()].map(([key, slot]) => {
    const value: RedisValue = slot instanceof StoredString ? slot : slot.value;
    const deque = value.type === 'list' ? (value.value as Deque) : undefined;
    const noted = deque && ([deque.sizedValue, deque.sizedMin, deque.sizedMax] as const);
    const fresh = db.tally.keyBytes(key, value);
    if (deque && noted) [deque.sizedValue, deque.sizedMin, deque.sizedMax] = noted;
    return { key, held: slot.mem, fresh };
  });
}
