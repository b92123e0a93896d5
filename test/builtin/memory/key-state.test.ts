import { describe, expect, it } from 'vitest';
import { Database, type KeyspaceEvents } from '../../../src/builtin/keyspace.js';
import { accessed, fresh, frequencyState, idleMs, idleState, lfuCounter } from '../../../src/builtin/memory/access.js';
import { TRACK_LFU, TRACK_LRU } from '../../../src/builtin/memory/tally.js';
import { StoredString } from '../../../src/builtin/stored-string.js';
import { stringValue } from '../../../src/builtin/commands/string-value.js';
import { ChangedKeys } from '../../../src/builtin/persistence/changed-keys.js';

// The per-key state the keyspace keeps compact (issue 14's memory goal): Redis's 24-bit access clock with
// its wrap-arounds, a string value that is its own entry, the one-key case of a command's changed keys.
const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** 2^24 seconds: where Redis's LRU clock wraps. */
const LRU_WRAP = 2 ** 24 * SECOND;

describe('access state', () => {
  it('is a small integer (no boxed double per key) under LRU and LFU', () => {
    const now = Date.UTC(2040, 0, 1);
    for (const state of [fresh(TRACK_LRU, now), fresh(TRACK_LFU, now), accessed(TRACK_LFU, fresh(TRACK_LFU, now), now)]) {
      expect(Number.isInteger(state) && state >= 0 && state < 2 ** 24).toBe(true);
    }
  });

  it('LRU idle time counts whole seconds, across the clock wrapping as estimateObjectIdleTime does', () => {
    const start = 5 * LRU_WRAP - 3 * SECOND - 400;
    const state = fresh(TRACK_LRU, start);
    // From 3.4 s before the wrap: 2.5 s later three seconds have begun; 10 s later, past the wrap, ten have,
    // and Redis's formula counts nine (its LRU_CLOCK_MAX is 2^24 - 1, the clock's last value).
    expect(idleMs(state, start + 2500)).toBe(3000);
    expect(idleMs(state, start + 10 * SECOND)).toBe(9000);
  });

  it('RESTORE IDLETIME gives back the idle time asked for, and half-way round when it reaches past the wrap', () => {
    const now = 7 * LRU_WRAP + 100 * SECOND;
    expect(idleMs(idleState(42, now), now)).toBe(42000);
    expect(idleState(1000, now)).toBe(100 + Math.floor((2 ** 24 - 1) / 2));
  });

  it('LFU decays by one a minute, across the minutes wrapping at 2^16', () => {
    const start = 65533 * MINUTE + 30 * SECOND;
    const state = frequencyState(10, start);
    expect(lfuCounter(state, start)).toBe(10);
    expect(lfuCounter(state, start + MINUTE)).toBe(9);
    // Four minutes on, past the wrap: Redis's LFUTimeElapsed (65535 - ldt + now) counts three.
    expect(lfuCounter(state, start + 4 * MINUTE)).toBe(7);
  });
});

describe('a string as its own entry', () => {
  const events: KeyspaceEvents = { clock: { now: 1 }, modified() {}, created() {}, flushed() {}, maybeReady() {} };

  it('keeps its bytes, encoding and access state apart', () => {
    const s = new StoredString('12', 'int');
    s.access = 2 ** 24 - 1;
    expect(s.encoding).toBe('int');
    s.encoding = 'raw';
    expect([s.access, s.encoding, s.type, s.length, s.value.toString('latin1')]).toEqual([2 ** 24 - 1, 'raw', 'string', 2, '12']);
  });

  it('a SET over the key keeps the entry (and its access state); a value read before keeps nothing of the new one', () => {
    const db = new Database(0, events);
    db.set('k', stringValue(Buffer.from('old')));
    db.setAccessState('k', 1234);
    const before = db.get('k')!;
    const bytes = before.type === 'string' ? before.value : undefined;
    db.set('k', stringValue(Buffer.from('12345')));
    expect(db.get('k')).toBe(before);
    expect(bytes?.toString()).toBe('old');
    expect(db.accessState('k')).toBe(1234);
    expect(db.get('k')?.encoding).toBe('int');
  });

  it('a value held by one key is copied, not shared, when set at another; SCAN order survives overwrites', () => {
    const db = new Database(0, events);
    for (const k of ['a', 'b', 'c']) db.set(k, stringValue(Buffer.from(k)));
    db.set('b', db.get('a')!);
    expect(db.get('b')).not.toBe(db.get('a'));
    db.set('a', stringValue(Buffer.from('z')));
    expect(db.get('b')?.type === 'string' && db.get('b')?.value.toString()).toBe('a');
    const first = db.scan(0, 1);
    db.set('b', stringValue(Buffer.from('y')));
    const second = db.scan(first.next, 10);
    expect([...first.keys, ...second.keys]).toEqual(['a', 'b', 'c']);
  });
});

describe("a command's changed keys", () => {
  const a = {} as Database;
  const b = {} as Database;

  it('one key, then more, each once and in order; delete and deleteDb', () => {
    const c = new ChangedKeys();
    expect(c.empty).toBe(true);
    expect([c.add(a, 'x'), c.add(a, 'x')]).toEqual([true, false]);
    expect([...c.entries()]).toEqual([[a, 'x']]);
    expect([c.add(b, 'y'), c.add(a, 'z'), c.add(a, 'x')]).toEqual([true, true, false]);
    expect([...c.entries()]).toEqual([[a, 'x'], [a, 'z'], [b, 'y']]);
    expect(c.delete(a, 'z')).toBe(true);
    c.deleteDb(b);
    expect([...c.entries()]).toEqual([[a, 'x']]);
    c.clear();
    expect(c.empty).toBe(true);
    c.add(b, 'w');
    expect(c.delete(a, 'w')).toBe(false);
    c.deleteDb(b);
    expect(c.empty).toBe(true);
  });
});
