import { KEYS, type Generator, type Rng } from './rng.js';

// Generators for streams. Ids are explicit (a few milliseconds, a few sequences, `<ms>-*`), since `*`
// reads each server's own clock; the replies that carry times (XPENDING's extended form, XINFO
// CONSUMERS, XINFO STREAM FULL's seen and delivery times) are left to datatypes/streams-clock.test.ts.
// Keys are the shared pool, so streams meet the other types (WRONGTYPE both ways).

const key = (r: Rng) => r.pick(KEYS);
const ms = (r: Rng) => String(r.int(1, 6));
const id = (r: Rng) => `${ms(r)}-${r.int(0, 3)}`;
const addId = (r: Rng) => r.pick([id(r), id(r), `${ms(r)}-*`, ms(r), '0-0', '0-1', 'x']);
const rangeId = (r: Rng) => r.pick([id(r), ms(r), '-', '+', `(${id(r)}`, `(${ms(r)}`, '0', 'x', '(-']);
const readId = (r: Rng) => r.pick([id(r), ms(r), '0', '$', '>']);
const group = (r: Rng) => r.pick(['g1', 'g2', 'g3']);
const consumer = (r: Rng) => r.pick(['c1', 'c2', 'c3']);
const FIELDS = ['f', 'g', 'temp', '1', ''];
const fieldsOf = (r: Rng) => Array.from({ length: r.int(1, 2) }, () => [r.pick(FIELDS), r.pick(['v', '1', '-7', 'hello world', ''])]).flat();
const trim = (r: Rng) =>
  r.pick([[], [], [], ['MAXLEN', String(r.int(0, 4))], ['MAXLEN', '~', String(r.int(0, 4))], ['MAXLEN', '=', '2'], ['MINID', id(r)], ['MINID', '~', id(r)], ['MAXLEN', '~', '1', 'LIMIT', String(r.int(0, 3))], ['NOMKSTREAM']]);

export const generators: Generator[] = [
  { name: 'xadd', weight: 8, make: (r) => ['XADD', key(r), ...trim(r), addId(r), ...fieldsOf(r)] },
  { name: 'xlen', make: (r) => ['XLEN', key(r)] },
  { name: 'xrange', weight: 2, make: (r) => [r.pick(['XRANGE', 'XREVRANGE']), key(r), rangeId(r), rangeId(r), ...r.pick([[], [], ['COUNT', String(r.int(-1, 3))]])] },
  { name: 'xdel', weight: 2, make: (r) => ['XDEL', key(r), ...Array.from({ length: r.int(1, 3) }, () => id(r))] },
  { name: 'xtrim', make: (r) => ['XTRIM', key(r), ...r.pick([['MAXLEN', String(r.int(0, 4))], ['MAXLEN', '~', '0'], ['MINID', id(r)], ['MINID', '~', id(r)], ['MAXLEN', '~', '1', 'LIMIT', '1'], ['LIMIT', '1']])] },
  { name: 'xsetid', make: (r) => ['XSETID', key(r), id(r), ...r.pick([[], [], ['ENTRIESADDED', String(r.int(0, 9))], ['MAXDELETEDID', id(r)]])] },
  {
    name: 'xread',
    weight: 2,
    make: (r) => {
      const keys = r.some(KEYS, 2);
      return ['XREAD', ...r.pick([[], ['COUNT', String(r.int(0, 2))], ['BLOCK', '1']]), 'STREAMS', ...keys, ...keys.map(() => readId(r))];
    },
  },
  {
    name: 'xgroup',
    weight: 3,
    make: (r) =>
      r.pick([
        ['XGROUP', 'CREATE', key(r), group(r), r.pick(['$', '0', id(r)]), ...r.pick([[], ['MKSTREAM'], ['ENTRIESREAD', String(r.int(-1, 5))]])],
        ['XGROUP', 'SETID', key(r), group(r), r.pick(['$', '0', id(r)]), ...r.pick([[], ['ENTRIESREAD', String(r.int(-1, 5))]])],
        ['XGROUP', 'DESTROY', key(r), group(r)],
        ['XGROUP', 'CREATECONSUMER', key(r), group(r), consumer(r)],
        ['XGROUP', 'DELCONSUMER', key(r), group(r), consumer(r)],
      ]),
  },
  {
    name: 'xreadgroup',
    weight: 4,
    make: (r) => {
      const keys = r.some(KEYS, 2);
      return ['XREADGROUP', 'GROUP', group(r), consumer(r), ...r.pick([[], ['COUNT', String(r.int(0, 2))], ['NOACK'], ['BLOCK', '1']]), 'STREAMS', ...keys, ...keys.map(() => r.pick(['>', '>', '0', id(r)]))];
    },
  },
  { name: 'xack', weight: 2, make: (r) => ['XACK', key(r), group(r), ...Array.from({ length: r.int(1, 3) }, () => id(r))] },
  { name: 'xpending', weight: 2, make: (r) => ['XPENDING', key(r), group(r), ...r.pick([[], [], ['-', '+', '0'], ['IDLE', '100000000', '-', '+', '5']])] },
  {
    name: 'xclaim',
    weight: 2,
    make: (r) => ['XCLAIM', key(r), group(r), consumer(r), r.pick(['0', '0', '100000000']), ...Array.from({ length: r.int(1, 2) }, () => id(r)), ...r.pick([[], ['JUSTID'], ['FORCE'], ['RETRYCOUNT', '3'], ['LASTID', id(r)], ['FORCE', 'JUSTID']])],
  },
  { name: 'xautoclaim', weight: 2, make: (r) => ['XAUTOCLAIM', key(r), group(r), consumer(r), r.pick(['0', '0', '100000000']), rangeId(r), ...r.pick([[], ['COUNT', String(r.int(1, 3))], ['JUSTID'], ['COUNT', '1', 'JUSTID']])] },
  { name: 'xinfo', weight: 2, make: (r) => r.pick([['XINFO', 'STREAM', key(r)], ['XINFO', 'GROUPS', key(r)]]) },
];
