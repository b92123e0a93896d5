import { describe, expect, it } from 'vitest';
import { addConsumer, newGroup, UNKNOWN_READS, type Pending } from '../../../src/builtin/stream/groups.js';
import { streamFromJSON, streamToJSON } from '../../../src/builtin/stream/persist.js';
import { Stream } from '../../../src/builtin/stream/stream.js';
import { trimStream } from '../../../src/builtin/stream/trim.js';

// streamToJSON/streamFromJSON (for the engine's snapshot and AOF): everything survives a round trip
// through JSON text, node boundaries and deleted entries included, so `~` trimming after a reload
// removes what it would have removed before.

const id = (ms: number, seq = 0) => ({ ms: BigInt(ms), seq: BigInt(seq) });

function sample(): Stream {
  const s = new Stream();
  for (let i = 1; i <= 250; i++) s.append(id(i, i % 3), i % 5 === 0 ? ['other', 'x'.repeat(i)] : ['temp', String(i), 'hum', '\x00\xff']);
  s.delete(id(7, 1));
  s.delete(id(120, 0));
  s.maxDeletedId = id(120, 0);
  s.lastId = { ms: 2n ** 64n - 1n, seq: 5n };
  const g = newGroup(id(200, 2), 42);
  const c1 = addConsumer(g, 'alice', 1_700_000_000_000);
  addConsumer(g, 'bob\x00', 1_700_000_000_500);
  const p: Pending = { consumer: c1, deliveryTime: 1_700_000_000_123, deliveryCount: 3 };
  g.pel.add(id(10, 1), p);
  c1.pel.add(id(10, 1), p);
  s.groups.set('g', g);
  s.groups.set('empty', newGroup(id(0), UNKNOWN_READS));
  return s;
}

describe('stream persistence JSON', () => {
  it('round-trips through JSON text', () => {
    const s = sample();
    const back = streamFromJSON(JSON.parse(JSON.stringify(streamToJSON(s))));
    expect(streamToJSON(back)).toEqual(streamToJSON(s));
    expect(back.nodes.map((n) => [n.live, n.deletedCount, n.bytes])).toEqual(s.nodes.map((n) => [n.live, n.deletedCount, n.bytes]));
    expect(back.length).toBe(248);
    expect(back.lastId).toEqual(s.lastId);
    const g = back.groups.get('g')!;
    expect(g.entriesRead).toBe(42);
    expect(g.consumers.get('alice')!.pel.get(id(10, 1))).toBe(g.pel.get(id(10, 1)));
    expect(g.pel.get(id(10, 1))!.deliveryCount).toBe(3);
    expect([...g.consumers.keys()]).toEqual(['alice', 'bob\x00']);
    expect(back.groups.get('empty')!.entriesRead).toBe(UNKNOWN_READS);
  });

  it('keeps node boundaries: approximate trimming after a reload removes the same entries', () => {
    const s = sample();
    const back = streamFromJSON(JSON.parse(JSON.stringify(streamToJSON(s))));
    const args = { strategy: 'maxlen' as const, maxlen: 60, minid: id(0), approx: true, limit: 10_000 };
    expect(trimStream(back, args)).toBe(trimStream(s, args));
    expect(back.length).toBe(s.length);
  });

  it('refuses data it did not write', () => {
    expect(() => streamFromJSON({ v: 2 })).toThrow(/version 1/);
    expect(() => streamFromJSON(null)).toThrow();
  });
});
