import { Deque } from '../list/deque.js';
import { streamFromJSON, streamToJSON } from '../stream/persist.js';
import type { Stream } from '../stream/stream.js';
import type { Bytes, RedisValue } from '../types.js';
import { stringLatin1 } from '../stored-string.js';
import { SortedSet } from '../zset/sorted-set.js';

/**
 * A value as plain JSON for the engine's own files (not Redis's RDB format). Binary strings are kept as
 * 'latin1' strings, which JSON carries exactly; scores as text, so inf, -inf and -0 survive. Encodings
 * are kept as they were, as Redis's RDB keeps listpacks and intsets.
 */
export type ValueJSON =
  | { t: 'string'; e: string; v: string }
  | { t: 'list' | 'set'; e: string; v: Bytes[] }
  | { t: 'hash'; e: string; v: [Bytes, Bytes][] }
  | { t: 'zset'; e: string; v: [Bytes, string][] }
  | { t: 'stream'; e: string; v: unknown };

const scoreText = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

export function valueToJSON(value: RedisValue): ValueJSON {
  switch (value.type) {
    case 'string':
      return { t: 'string', e: value.encoding, v: stringLatin1(value) };
    case 'list':
      return { t: 'list', e: value.encoding, v: [...value.value] };
    case 'set':
      return { t: 'set', e: value.encoding, v: [...value.value] };
    case 'hash':
      return { t: 'hash', e: value.encoding, v: [...value.value] };
    case 'zset': {
      const z = value.value as SortedSet;
      const v: [Bytes, string][] = [];
      for (let i = 0; i < z.size; i++) v.push([z.at(i).member, scoreText(z.at(i).score)]);
      return { t: 'zset', e: value.encoding, v };
    }
    case 'stream':
      return { t: 'stream', e: value.encoding, v: streamToJSON(value.value as Stream) };
  }
}

export function valueFromJSON(data: ValueJSON): RedisValue {
  switch (data.t) {
    case 'string':
      return { type: 'string', value: Buffer.from(data.v, 'latin1'), encoding: data.e as 'int' | 'embstr' | 'raw' };
    case 'list':
      return { type: 'list', value: new Deque(data.v), encoding: data.e as 'listpack' | 'quicklist' };
    case 'set':
      return { type: 'set', value: new Set(data.v), encoding: data.e as 'intset' | 'listpack' | 'hashtable' };
    case 'hash':
      return { type: 'hash', value: new Map(data.v), encoding: data.e as 'listpack' | 'hashtable' };
    case 'zset': {
      const z = new SortedSet();
      for (const [member, score] of data.v) z.set(member, Number(score));
      return { type: 'zset', value: z, encoding: data.e as 'listpack' | 'skiplist' };
    }
    case 'stream':
      return { type: 'stream', value: streamFromJSON(data.v), encoding: 'stream' };
  }
}
