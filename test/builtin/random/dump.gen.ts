import { KEYS, VALUES, type Generator, type Rng } from './rng.js';

// DUMP, RESTORE, MOVE and SWAPDB. DUMP reads only this file's own key
// (d0), which it fills so it stays in the encodings whose order Redis promises: lists, listpack
// hashes (short fields and values), intsets, sorted sets (a long member makes a skiplist), strings;
// a hashtable set or hash is DUMPed in dict order (see DEVIATIONS.md). RESTORE takes payloads a real
// redis-server 7.0.15 DUMPed (and damaged ones), onto it and the shared keys. MOVE and SWAPDB
// carry keys between databases 0 to 2 and back.

// One: with the shared keys and the HLL generator's, nine names at most, which SCAN's default COUNT
// covers in one call on Redis too (at ten it may stop early; the engine's SCAN steps by COUNT exactly).
const OWN = ['d0'];
const key = (r: Rng) => (r.chance(0.2) ? r.pick(KEYS) : r.pick(OWN));

/** Payloads DUMPed by redis-server 7.0.15 (RPUSH k a b 1 -300; HSET k f v n 12; ZADD k 1.5 a 2 b; ...). */
const PAYLOADS = {
  list: '\x12\x01\x02\x12\x12\x00\x00\x00\x04\x00\x81\x61\x02\x81\x62\x02\x01\x01\xde\xd4\x02\xff\x0a\x00\xc5\x2e\x2a\x38\x8f\x1b\x85\x63',
  hash: '\x10\x12\x12\x00\x00\x00\x04\x00\x81\x66\x02\x81\x76\x02\x81\x6e\x02\x0c\x01\xff\x0a\x00\x01\x36\x94\x81\xd3\x5b\x89\x74',
  zset: '\x11\x14\x14\x00\x00\x00\x04\x00\x81\x61\x02\x83\x31\x2e\x35\x04\x81\x62\x02\x02\x01\xff\x0a\x00\xfa\x02\xb4\x25\xaf\x18\x87\x63',
  skiplist: '\x05\x02\x01\x62\x00\x00\x00\x00\x00\x00\x00\x40\xc3\x09\x40\x46\x01\x6d\x6d\xe0\x39\x00\x01\x6d\x6d\x00\x00\x00\x00\x00\x00\xf0\x3f\x0a\x00\xa6\xd5\x26\xbd\x93\xd1\xf7\xc5',
  intset: '\x0b\x14\x04\x00\x00\x00\x03\x00\x00\x00\x01\x00\x00\x00\x03\x00\x00\x00\x70\x11\x01\x00\x0a\x00\x49\x93\x40\xed\x54\xef\x4a\xfa',
  string: '\x00\x05\x68\x65\x6c\x6c\x6f\x0a\x00\x63\x72\xdf\x76\x65\x34\x20\x0a',
  int: '\x00\xc1\x39\x30\x0a\x00\x9d\x94\xea\x27\x93\xfc\x08\xb9',
  lzf: '\x00\xc3\x0b\x40\x5a\x03\x61\x62\x63\x61\xe0\x4b\x02\x01\x62\x63\x0a\x00\x23\x80\x36\xf9\xe2\xd0\xc7\x80',
};
const payloads = Object.values(PAYLOADS);

function payload(r: Rng): string {
  const p = r.pick(payloads);
  if (!r.chance(0.1)) return p;
  // A damaged copy: one byte changed (checksum or content), or cut short.
  const at = r.int(0, p.length - 1);
  return r.chance(0.5) ? p.slice(0, at) + String.fromCharCode((p.charCodeAt(at) + r.int(1, 255)) % 256) + p.slice(at + 1) : p.slice(0, at);
}

const element = (r: Rng) => (r.chance(0.5) ? String(r.int(-100000, 100000)) : r.pick(VALUES));
const member = (r: Rng) => (r.chance(0.05) ? 'm'.repeat(r.int(60, 70)) : element(r));
const some = <T>(r: Rng, make: (r: Rng) => T, max: number): T[] => Array.from({ length: r.int(1, max) }, () => make(r));
const db = (r: Rng) => String(r.pick([0, 1, 2, 2, 1, 16, -1]));

export const generators: Generator[] = [
  { name: 'dump-rpush', weight: 2, make: (r) => ['RPUSH', r.pick(OWN), ...some(r, element, 8)] },
  { name: 'dump-hset', weight: 2, make: (r) => ['HSET', r.pick(OWN), ...some(r, (g) => [element(g), element(g)], 4).flat()] },
  { name: 'dump-sadd', weight: 2, make: (r) => ['SADD', r.pick(OWN), ...some(r, (g) => String(g.int(-70000, 70000) * (g.chance(0.1) ? 1_000_003 : 1)), 8)] },
  { name: 'dump-zadd', weight: 2, make: (r) => ['ZADD', r.pick(OWN), ...some(r, (g) => [g.pick(['1', '-2.5', '1e17', 'inf', '0', '3.25', String(g.int(-9, 9))]), member(g)], 4).flat()] },
  { name: 'dump-set', make: (r) => ['SET', r.pick(OWN), r.chance(0.3) ? 'xyz'.repeat(r.int(5, 40)) : element(r)] },
  { name: 'dump', weight: 4, make: (r) => ['DUMP', r.pick(OWN)] },
  {
    name: 'restore',
    weight: 3,
    make: (r) => ['RESTORE', key(r), r.pick(['0', '0', '0', '100000', '-1', 'x']), payload(r), ...(r.chance(0.6) ? ['REPLACE'] : []), ...(r.chance(0.1) ? [r.pick(['IDLETIME', 'FREQ', 'ABSTTL', 'bogus']), String(r.int(-1, 300))] : [])],
  },
  { name: 'move', weight: 1.5, make: (r) => ['MOVE', key(r), db(r)] },
  { name: 'swapdb', weight: 0.7, make: (r) => ['SWAPDB', db(r), db(r)] },
  // Not OBJECT REFCOUNT (a string SET in the same MULTI still shares its argv: 2 there, see DEVIATIONS.md)
  // nor IDLETIME (Redis's LRU clock ticks in its cron, so a second boundary falls anywhere).
  { name: 'dump-encoding', make: (r) => ['OBJECT', 'ENCODING', key(r)] },
];
