import { KEYED_CHECKS, REDIS_TYPES, type Check, type RedisType } from './schema.js';
import { join, type Reader } from './problems.js';

const CHECK_FORMS =
  '`key:` with one of exists, type, string, list, set, hash, zset, ttl, length; or `reply:`; or `uses:`';

/** Reads one check map (see `Check`), collecting problems in `r`. */
export function readCheck(r: Reader, raw: unknown, path: string): Check | undefined {
  const map = r.map(raw, path);
  if (!map) return undefined;
  const { key: rawKey, ...rest } = map;
  const kinds = Object.keys(rest);
  if (rawKey === undefined) {
    if (kinds.length === 1 && kinds[0] === 'reply') return { kind: 'reply', reply: r.string(map.reply, join(path, 'reply')) };
    if (kinds.length === 1 && kinds[0] === 'uses') {
      return { kind: 'uses', command: r.string(map.uses, join(path, 'uses'), { re: /^[A-Za-z][A-Za-z0-9|.-]*$/, expected: 'a command name such as RPUSH' }).toUpperCase() };
    }
    r.problemSaid(path, CHECK_FORMS, `a check with ${kinds.length === 0 ? 'no fields' : kinds.join(', ')}`);
    return undefined;
  }
  const key = r.string(rawKey, join(path, 'key'));
  if (kinds.length !== 1 || !(KEYED_CHECKS as readonly string[]).includes(kinds[0]!)) {
    r.problemSaid(path, `one of ${KEYED_CHECKS.join(', ')} beside key:`, kinds.length === 0 ? 'only key:' : kinds.join(', '));
    return undefined;
  }
  const kind = kinds[0] as (typeof KEYED_CHECKS)[number];
  const value = rest[kind];
  const at = join(path, kind);
  switch (kind) {
    case 'exists':
      if (typeof value !== 'boolean') r.problem(at, 'true or false', value);
      return { kind, key, exists: value === true };
    case 'type':
      if (!REDIS_TYPES.includes(value as RedisType)) r.problem(at, `a Redis type: ${REDIS_TYPES.join(', ')}`, value);
      return { kind, key, type: value as RedisType };
    case 'string':
      return { kind, key, value: scalar(r, value, at) };
    case 'list':
      return { kind, key, values: r.list(value, at, (v, p) => scalar(r, v, p), { min: 1, expected: 'a list of values, in order' }) };
    case 'set':
      return { kind, key, members: r.list(value, at, (v, p) => scalar(r, v, p), { min: 1, expected: 'a list of members (any order)' }) };
    case 'hash': {
      const fields = r.map(value, at) ?? {};
      return { kind, key, fields: Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, scalar(r, v, join(at, f))])) };
    }
    case 'zset': {
      const members = r.map(value, at) ?? {};
      return {
        kind,
        key,
        members: Object.entries(members).map(([member, score]) => ({ member, score: r.number(score, join(at, member), 'a score (a number)') })),
      };
    }
    case 'ttl':
      return { kind, key, ttl: readTtl(r, value, at) };
    case 'length':
      return { kind, key, length: r.number(value, at, 'a whole number, 0 or more', (n) => Number.isInteger(n) && n >= 0) };
  }
}

/** A value as Redis stores it: YAML numbers and booleans are taken as the text they were written as. */
function scalar(r: Reader, value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  r.problem(path, 'a value (text or number)', value);
  return '';
}

function readTtl(r: Reader, value: unknown, path: string): { min: number; max: number } | 'none' {
  if (value === 'none') return 'none';
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n >= 0) && value[0] <= value[1]) {
    return { min: value[0] as number, max: value[1] as number };
  }
  r.problem(path, '`none`, or [min, max] seconds left, such as [1, 60]', value);
  return 'none';
}
