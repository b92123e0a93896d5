import { KEYS, type Generator, type Rng } from './rng.js';

// Generators for the bitmap commands and LCS: random bit offsets, ranges in bytes and bits, BITOP over
// the shared keys (which other generators fill with strings of every kind and with other types), and
// BITFIELD with every width and overflow rule, values near the edges of each width.

const key = (r: Rng) => r.pick(KEYS);
/** Mostly inside a few bytes, so strings stay short and the commands keep meeting set bits. */
const offset = (r: Rng, far = 4294967296) => String(r.chance(0.9) ? r.int(0, 40) : r.pick([r.int(0, 2000), -1, far]));
const index = (r: Rng) => String(r.chance(0.8) ? r.int(-12, 12) : r.pick([r.int(-100, 100), '-9223372036854775808', '9223372036854775807', 'x']));
const unit = (r: Rng) => (r.chance(0.6) ? [] : [r.pick(['BIT', 'BYTE', 'bit', 'byte', 'BITS'])]);

function fieldType(r: Rng): string {
  const signed = r.chance(0.5);
  const bits = r.chance(0.8) ? r.pick([1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 31, 32, 33, 62, 63]) : r.pick([64, 0, 65]);
  return r.chance(0.02) ? r.pick(['x8', 'I8', 'u', '']) : `${signed ? 'i' : 'u'}${bits}`;
}

/** A number near the edges of some width: the values where wrapping and saturation show. */
function fieldValue(r: Rng): string {
  if (r.chance(0.5)) return String(r.int(-20, 20));
  const edge = 2n ** BigInt(r.int(0, 63));
  const value = r.chance(0.5) ? edge + BigInt(r.int(-2, 1)) : -edge + BigInt(r.int(-1, 2));
  const clamped = value > 2n ** 63n - 1n ? 2n ** 63n - 1n : value < -(2n ** 63n) ? -(2n ** 63n) : value;
  return r.chance(0.02) ? 'abc' : String(clamped);
}

function bitfieldOps(r: Rng, readonly: boolean): string[] {
  const out: string[] = [];
  for (let n = r.int(0, 4); n > 0; n--) {
    const type = fieldType(r);
    const at = r.chance(0.3) ? `#${r.int(0, 6)}` : String(r.int(0, 70));
    const op = readonly && r.chance(0.9) ? 'GET' : r.pick(['GET', 'SET', 'INCRBY', 'OVERFLOW']);
    if (op === 'OVERFLOW') out.push('OVERFLOW', r.pick(['WRAP', 'SAT', 'FAIL', 'sat', 'BAD']));
    else if (op === 'GET') out.push('GET', type, at);
    else out.push(op, type, at, fieldValue(r));
  }
  return out;
}

export const generators: Generator[] = [
  { name: 'setbit', weight: 3, make: (r) => ['SETBIT', key(r), offset(r), r.pick(['0', '1', '1', '2', 'x'])] },
  { name: 'getbit', weight: 2, make: (r) => ['GETBIT', key(r), offset(r, r.pick([4294967295, 4294967296]))] },
  {
    name: 'bitcount',
    weight: 2,
    make: (r) => ['BITCOUNT', key(r), ...(r.chance(0.2) ? [] : r.chance(0.05) ? [index(r)] : [index(r), index(r), ...unit(r)])],
  },
  {
    name: 'bitpos',
    weight: 2,
    make: (r) => {
      const args = ['BITPOS', key(r), r.pick(['0', '1', '1', '0', '2'])];
      const extra = r.int(0, 3);
      if (extra >= 1) args.push(index(r));
      if (extra >= 2) args.push(index(r));
      if (extra >= 3) args.push(...unit(r));
      return args;
    },
  },
  {
    name: 'bitop',
    weight: 2,
    make: (r) => {
      const op = r.pick(['AND', 'OR', 'XOR', 'NOT', 'and', 'nand']);
      return ['BITOP', op, key(r), ...(op === 'NOT' && r.chance(0.9) ? [key(r)] : r.some([...KEYS, 'missing'], 3))];
    },
  },
  { name: 'bitfield', weight: 3, make: (r) => ['BITFIELD', key(r), ...bitfieldOps(r, false)] },
  { name: 'bitfield_ro', make: (r) => ['BITFIELD_RO', key(r), ...bitfieldOps(r, true)] },
  {
    name: 'lcs',
    weight: 1.5,
    make: (r) => {
      const args = ['LCS', key(r), key(r)];
      if (r.chance(0.2)) args.push('LEN');
      if (r.chance(0.5)) args.push('IDX');
      if (r.chance(0.3)) args.push('MINMATCHLEN', r.pick(['0', '1', '2', '3', '-1']));
      if (r.chance(0.3)) args.push('WITHMATCHLEN');
      return args;
    },
  },
  // Strings with many bits to search and match: a burst of bytes, some repeated.
  { name: 'setbytes', make: (r) => ['SET', key(r), Array.from({ length: r.int(0, 12) }, () => r.pick(['\x00', '\xff', 'a', 'b', '\x0f', '\xf0', 'ab'])).join('')] },
];
