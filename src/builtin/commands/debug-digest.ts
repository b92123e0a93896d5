import { createHash } from 'node:crypto';
import type { Database } from '../keyspace.js';
import { valueToJSON } from '../persistence/value-codec.js';
import type { Bytes, RedisValue } from '../types.js';
import type { ZEntry } from '../zset/sorted-set.js';
import { formatDouble } from '../util/format-double.js';

/**
 * DEBUG DIGEST and DIGEST-VALUE: 20-byte digests built the way Redis builds them (SHA1 of each part;
 * unordered collections XOR their elements' digests, so the order a hashtable keeps does not count;
 * ordered ones chain them), over the engine's own serialisation. Equal data gives equal digests, an empty
 * dataset or a missing key 40 zeros, as in Redis; the hex figures themselves are not Redis's.
 */
const sha1 = (...parts: (string | Buffer)[]): Buffer => {
  const h = createHash('sha1');
  for (const p of parts) h.update(typeof p === 'string' ? Buffer.from(p, 'latin1') : p);
  return h.digest();
};

const ZERO = (): Buffer => Buffer.alloc(20);

function xorInto(into: Buffer, add: Buffer): void {
  for (let i = 0; i < 20; i++) into[i]! ^= add[i]!;
}

/** mixDigest: the running digest and the next part, hashed together. */
const mix = (digest: Buffer, part: string | Buffer): Buffer => sha1(digest, sha1(part));

function unordered(parts: Iterable<string>): Buffer {
  const out = ZERO();
  for (const p of parts) xorInto(out, sha1(p));
  return out;
}

export function valueDigest(value: RedisValue): Buffer {
  switch (value.type) {
    case 'string':
      return mix(ZERO(), value.value);
    case 'list': {
      let d = ZERO();
      for (const e of value.value) d = mix(d, e);
      return d;
    }
    case 'set':
      return unordered(value.value);
    case 'hash':
      return unordered([...value.value].map(([f, v]) => `${f}\0${v}`));
    case 'zset':
      return unordered([...(value.value as unknown as Iterable<ZEntry>)].map((e) => `${e.member}\0${formatDouble(e.score)}`));
    case 'stream':
      return sha1(JSON.stringify(valueToJSON(value)));
  }
}

/** DEBUG DIGEST: every key of every database (its name, value and expiry), order aside. */
export function datasetDigest(databases: readonly Database[]): Buffer {
  const out = ZERO();
  for (const db of databases) {
    for (const key of db.allKeys()) {
      const value = db.peek(key);
      if (value === undefined) continue;
      xorInto(out, keyDigest(db.index, key, value, db.getExpire(key)));
    }
  }
  return out;
}

const keyDigest = (dbIndex: number, key: Bytes, value: RedisValue, expire: number | undefined): Buffer =>
  sha1(String(dbIndex), '\0', sha1(key), valueDigest(value), expire === undefined ? '' : `!${expire}`);

export const hex = (digest: Buffer): string => digest.toString('hex');
