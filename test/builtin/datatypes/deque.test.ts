import { describe, expect, it } from 'vitest';
import { Deque } from '../../../src/builtin/list/deque.js';

// The ring buffer behind lists, against a plain array doing the same operations (seeded, so a failure
// replays): wrap-around, growth and middle edits are where a ring buffer goes wrong.
function rng(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('Deque', () => {
  it('matches an array over 20,000 random operations', () => {
    const random = rng(42);
    const d = new Deque();
    const model: string[] = [];
    for (let step = 0; step < 20_000; step++) {
      const op = Math.floor(random() * 9);
      const value = `v${step}`;
      const index = model.length === 0 ? 0 : Math.floor(random() * model.length);
      switch (op) {
        case 0:
        case 1:
          d.push(value);
          model.push(value);
          break;
        case 2:
        case 3:
          d.unshift(value);
          model.unshift(value);
          break;
        case 4:
          expect(d.shift()).toBe(model.shift());
          break;
        case 5:
          expect(d.pop()).toBe(model.pop());
          break;
        case 6:
          d.insert(index, value);
          model.splice(index, 0, value);
          break;
        case 7:
          if (model.length > 0) {
            d.set(index, value);
            model[index] = value;
          }
          break;
        case 8: {
          const drop = model[index];
          expect(d.filter((v) => v !== drop)).toBe(model.filter((v) => v === drop).length);
          model.splice(0, model.length, ...model.filter((v) => v !== drop));
          break;
        }
      }
      expect(d.length).toBe(model.length);
      if (step % 97 === 0) expect([...d]).toEqual(model);
    }
    expect([...d]).toEqual(model);
  });

  it('slices, finds, trims and clones', () => {
    const d = new Deque(['a', 'b', 'c', 'd', 'e']);
    d.unshift('z');
    expect(d.slice(1, 3)).toEqual(['a', 'b', 'c']);
    expect(d.indexOf('c')).toBe(3);
    expect(d.indexOf('nope')).toBe(-1);
    const copy = d.clone();
    d.trim(2, 4);
    expect([...d]).toEqual(['b', 'c', 'd']);
    expect([...copy]).toEqual(['z', 'a', 'b', 'c', 'd', 'e']);
    d.trim(1, 0);
    expect(d.length).toBe(0);
    expect(d.shift()).toBeUndefined();
    expect(d.pop()).toBeUndefined();
  });

  // The memory estimate takes uniform()'s value as every element's size instead of sampling: it must
  // never name a value some element does not equal (mostly 'a', so the list is often uniform).
  it('names a value every element equals, or none, over 20,000 random operations', () => {
    const random = rng(7);
    let d = new Deque();
    const model: string[] = [];
    let uniformSteps = 0;
    for (let step = 0; step < 20_000; step++) {
      const value = random() < 0.97 ? 'a' : 'b';
      const index = model.length === 0 ? 0 : Math.floor(random() * model.length);
      const op = Math.floor(random() * 9);
      if (op <= 1) (d.push(value), model.push(value));
      else if (op === 2) (d.unshift(value), model.unshift(value));
      else if (op === 3) (d.shift(), model.shift());
      else if (op === 4) (d.pop(), model.pop());
      else if (op === 5) (d.insert(index, value), model.splice(index, 0, value));
      else if (op === 6 && model.length > 0) (d.set(index, value), (model[index] = value));
      else if (op === 7) (d.filter((v) => v !== 'b'), model.splice(0, model.length, ...model.filter((v) => v !== 'b')));
      else if (op === 8) d = random() < 0.5 ? d.clone() : (d.trim(0, model.length - 1 - (index % 3)), model.splice(model.length - (index % 3)), d);
      const same = d.uniform();
      if (same !== undefined) uniformSteps++;
      expect(same === undefined || (model.length > 0 && model.every((v) => v === same))).toBe(true);
    }
    expect(uniformSteps).toBeGreaterThan(1000);
    const fresh = new Deque(['x', 'x']);
    fresh.push('x');
    expect(fresh.uniform()).toBe('x');
    fresh.set(1, 'y');
    expect(fresh.uniform()).toBeUndefined();
  });
});
