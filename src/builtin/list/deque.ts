import type { Bytes, ListLike } from '../types.js';

/**
 * A list's elements in a growable ring buffer: pushes and pops at both ends are O(1), where a JS array's
 * unshift and shift move every element (LPUSH/LPOP on a 100,000-element list ran at a fifth of Redis's
 * speed). Indexing is O(1); inserting or removing in the middle moves the shorter side's worth at most.
 */
export class Deque implements ListLike {
  private items: (Bytes | undefined)[];
  private head = 0;
  private count = 0;
  /**
   * The value every element equals, or MIXED (possibly mixed: removals never undo it). Lists filled with
   * one value are common (queues of tokens, redis-benchmark's LPUSH); the memory estimate then takes that
   * value's size instead of sampling elements scattered over a large array.
   */
  private same: Bytes | typeof MIXED = MIXED;
  /**
   * The memory estimate's note (memory/value-size.ts, its only reader and writer): the one value it last
   * sized this list for, and the lengths from sizedMin to sizedMax over which that figure stays the same.
   */
  sizedValue: Bytes | undefined = undefined;
  sizedMin = 1;
  sizedMax = 0;

  constructor(initial: Iterable<Bytes> = []) {
    const values = [...initial];
    this.items = new Array<Bytes | undefined>(Math.max(8, capacityFor(values.length)));
    for (let i = 0; i < values.length; i++) this.items[i] = values[i];
    this.count = values.length;
    if (values.length > 0) this.same = values.every((v) => v === values[0]) ? values[0]! : MIXED;
  }

  /** The value every element equals, undefined when the list is empty or may hold different values. */
  uniform(): Bytes | undefined {
    return this.count === 0 || this.same === MIXED ? undefined : this.same;
  }

  /** Records that `value` is about to be stored (the count not yet raised). */
  private note(value: Bytes): void {
    if (this.count === 0) this.same = value;
    else if (this.same !== value) this.same = MIXED;
  }

  get length(): number {
    return this.count;
  }

  at(index: number): Bytes {
    return this.items[(this.head + index) & (this.items.length - 1)]!;
  }

  set(index: number, value: Bytes): void {
    if (this.same !== value) this.same = MIXED;
    this.items[(this.head + index) & (this.items.length - 1)] = value;
  }

  push(value: Bytes): void {
    this.note(value);
    this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = value;
    this.count++;
  }

  unshift(value: Bytes): void {
    this.note(value);
    this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = value;
    this.count++;
  }

  shift(): Bytes | undefined {
    if (this.count === 0) return undefined;
    const value = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return value;
  }

  pop(): Bytes | undefined {
    if (this.count === 0) return undefined;
    const i = (this.head + this.count - 1) & (this.items.length - 1);
    const value = this.items[i];
    this.items[i] = undefined;
    this.count--;
    return value;
  }

  /** Elements from `start` to `end` inclusive (both within the list), head to tail. */
  slice(start: number, end: number): Bytes[] {
    const out: Bytes[] = [];
    for (let i = start; i <= end; i++) out.push(this.at(i));
    return out;
  }

  indexOf(value: Bytes): number {
    for (let i = 0; i < this.count; i++) if (this.at(i) === value) return i;
    return -1;
  }

  /** Inserts `value` so that it ends up at `index` (0..length). */
  insert(index: number, value: Bytes): void {
    this.push(value);
    for (let i = this.count - 1; i > index; i--) this.set(i, this.at(i - 1));
    this.set(index, value);
  }

  /** Keeps only the elements for which `keep` is true, in order; returns how many went. */
  filter(keep: (value: Bytes, index: number) => boolean): number {
    const kept: Bytes[] = [];
    for (let i = 0; i < this.count; i++) if (keep(this.at(i), i)) kept.push(this.at(i));
    const removed = this.count - kept.length;
    if (removed > 0) this.reset(kept);
    return removed;
  }

  /** Keeps the elements from `start` to `end` inclusive; an empty range (start > end) empties it. */
  trim(start: number, end: number): void {
    this.reset(start > end ? [] : this.slice(start, end));
  }

  clone(): Deque {
    return new Deque(this);
  }

  *[Symbol.iterator](): IterableIterator<Bytes> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  private reset(values: Bytes[]): void {
    const fresh = new Deque(values);
    this.items = fresh.items;
    this.same = fresh.same;
    this.head = 0;
    this.count = values.length;
  }

  private grow(): void {
    if (this.count < this.items.length) return;
    const bigger = new Array<Bytes | undefined>(this.items.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.at(i);
    this.items = bigger;
    this.head = 0;
  }
}

/** Not a latin1 string: no element can equal it. */
const MIXED = Symbol('mixed');

function capacityFor(n: number): number {
  let c = 8;
  while (c < n) c *= 2;
  return c;
}
