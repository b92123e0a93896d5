import { KEYS, VALUES, type Generator, type Rng } from './rng.js';

// HyperLogLog: random element sets added to a few keys (sometimes hundreds at once, so HLLs cross
// hll-sparse-max-bytes and go dense), counts of one key (cached in the header) and of several, merges
// of mixed encodings, and GET/GETRANGE of the raw bytes. One key in four is a shared key that other
// generators fill with other types (type errors). No corrupting writes: Redis 7.0.15 itself may
// misbehave when PFADD meets a corrupted sparse HLL (the corpus covers corruption with PFCOUNT).

const HLL_KEYS = ['h0', 'h1', 'h2'];
const key = (r: Rng) => (r.chance(0.25) ? r.pick(KEYS) : r.pick(HLL_KEYS));
const keys = (r: Rng) => Array.from({ length: r.int(1, 4) }, () => key(r));

function element(r: Rng): string {
  if (r.chance(0.1)) return r.pick(VALUES);
  return `e${r.int(0, 20000)}`;
}

function elements(r: Rng): string[] {
  const n = r.chance(0.15) ? r.int(50, 400) : r.int(0, 5);
  return Array.from({ length: n }, () => element(r));
}

export const generators: Generator[] = [
  { name: 'pfadd', weight: 6, make: (r) => ['PFADD', key(r), ...elements(r)] },
  { name: 'pfcount', weight: 3, make: (r) => ['PFCOUNT', key(r)] },
  { name: 'pfcount-many', weight: 2, make: (r) => ['PFCOUNT', ...keys(r)] },
  { name: 'pfmerge', weight: 2, make: (r) => ['PFMERGE', key(r), ...keys(r)] },
  { name: 'hll-bytes', weight: 2, make: (r) => r.pick([['GET', key(r)], ['GETRANGE', key(r), '0', '15'], ['STRLEN', key(r)]]) },
  { name: 'pfdebug', make: (r) => ['PFDEBUG', r.pick(['ENCODING', 'DECODE', 'TODENSE', 'encoding']), key(r)] },
  { name: 'pfdebug-getreg', weight: 0.2, make: (r) => ['PFDEBUG', 'GETREG', key(r)] },
  { name: 'hll-sparse-max-bytes', weight: 0.3, make: (r) => ['CONFIG', 'SET', 'hll-sparse-max-bytes', r.pick(['3000', '3000', '200', '50', '0'])] },
];
