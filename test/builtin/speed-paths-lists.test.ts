import { describe, expect, it } from 'vitest';
import { engineWithClient } from './harness/tally-figures.js';
import { Rng } from './random/rng.js';

// A push or pop onto a list of one value whose length stays within the lengths its memory figure holds
// for (memory/value-size.ts listSizeHolds) keeps the key's figure in the tally instead of estimating the
// list again (issue 14, speed). After every one of many random list writes, each key's figure must equal
// the estimate made from scratch: across jemalloc classes of a node's listpack, node boundaries, lists
// that become mixed and come back to one value, and CONFIG SET of the list settings.

// Each key is filled mostly with its own value (redis-benchmark's 'xxx', an integer, one past 64 bytes
// whose node holds 122, one of 4 KB: a node each), now and then with another.
const KEYS: Record<string, string> = { l1: 'xxx', l2: '12', l3: 'v'.repeat(65), l4: 'w'.repeat(4100) };
const OTHERS = ['yyy', 'xxx', '-4097', 'abcd', ''];

function listWrite(rng: Rng): string[] {
  const key = rng.pick(Object.keys(KEYS));
  const value = (): string => (rng.chance(0.995) ? KEYS[key]! : rng.pick(OTHERS));
  const many = (): string[] => Array.from({ length: rng.chance(0.5) ? 1 : rng.int(1, 60) }, value);
  const roll = rng.next();
  if (roll < 0.004) return ['DEL', key];
  if (roll < 0.008) return ['CONFIG', 'SET', 'list-max-listpack-size', String(rng.pick([-5, -2, -1, 1, 4, 128]))];
  if (roll < 0.01) return ['CONFIG', 'SET', 'list-compress-depth', String(rng.int(0, 2))];
  if (roll < 0.015) return ['LSET', key, String(rng.int(-3, 3)), value()];
  if (roll < 0.02) return ['LINSERT', key, rng.pick(['BEFORE', 'AFTER']), rng.pick([KEYS[key]!, ...OTHERS]), value()];
  if (roll < 0.025) return ['LREM', key, String(rng.int(-2, 2)), rng.pick(OTHERS)];
  if (roll < 0.03) return ['LTRIM', key, String(rng.int(0, 3)), String(rng.int(-3, -1))];
  if (roll < 0.035) return ['LMOVE', key, rng.pick(Object.keys(KEYS)), rng.pick(['LEFT', 'RIGHT']), rng.pick(['LEFT', 'RIGHT'])];
  if (roll < 0.04) return ['RPOPLPUSH', key, key];
  if (roll < 0.045) return ['LMPOP', '2', rng.pick(Object.keys(KEYS)), key, rng.pick(['LEFT', 'RIGHT']), 'COUNT', String(rng.int(1, 30))];
  if (roll < 0.2) return [rng.pick(['LPOP', 'RPOP']), key];
  if (roll < 0.35) return [rng.pick(['LPOP', 'RPOP']), key, String(rng.int(0, 50))];
  return [rng.pick(['LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX']), key, ...many()];
}

describe('speed paths: the memory figure of a list push or pop the estimate counts the same', () => {
  it('LPUSH, RPUSH, LPOP and RPOP among other list writes keep every key at its from-scratch estimate', () => {
    const { run, expectHeld } = engineWithClient();
    const rng = new Rng(14);
    let longest = 0;
    for (let i = 0; i < 6000; i++) {
      const args = listWrite(rng);
      const reply = run(args);
      if (reply.startsWith(':')) longest = Math.max(longest, Number(reply.slice(1)));
      expectHeld(`${args.join(' ').slice(0, 200)} (write ${i})`);
    }
    // Long enough that 'xxx' (1637 a node) and '12' (2728) lists span nodes.
    expect(longest).toBeGreaterThan(3000);
  });

  it('one element at a time, a list grows across every jemalloc class of two nodes and shrinks back', () => {
    const { run, expectHeld } = engineWithClient();
    for (const [key, value] of Object.entries(KEYS)) {
      const length = 2 * Math.floor(8185 / (value.length + 2)) + 3;
      const check = (args: string[]): void => {
        run(args);
        expectHeld(`${args[0]} ${key}`);
      };
      for (let i = 0; i < length; i++) check([i % 2 === 0 ? 'LPUSH' : 'RPUSH', key, value]);
      for (let i = 0; i < length; i++) check([i % 2 === 0 ? 'RPOP' : 'LPOP', key]);
      expect(run(['EXISTS', key])).toBe(':0\r\n');
    }
  });
});
