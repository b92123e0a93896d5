import { KEYED_CHECKS, REDIS_TYPES, type Check, type RedisType } from './schema.js';
import { formatMsg as f } from './format-messages.js';
import { join, type Reader } from './problems.js';


/** Reads one check map (see `Check`), collecting problems in `r`. */
export function readCheck(r: Reader, raw: unknown, path: string): Check | undefined {
  const map = r.map(raw, path);
  if (!map) return undefined;
  const { key: rawKey, ...rest } = map;
  const kinds = Object.keys(rest);
  if (rawKey === undefined) {
    if (kinds.length === 1 && kinds[0] === 'reply') return { kind: 'reply', reply: r.string(map.reply, join(path, 'reply')) };
    if (kinds.length === 1 && kinds[0] === 'uses') {
      return { kind: 'uses', command: r.string(map.uses, join(path, 'uses'), { re: /^[A-Za-z][A-Za-z0-9|.-]*$/, expected: f.commandName() }).toUpperCase() };
    }
    r.problemSaid(path, f.checkForms(), f.checkWith(kinds));
    return undefined;
  }
  const key = r.string(rawKey, join(path, 'key'));
  if (kinds.length !== 1 || !(KEYED_CHECKS as readonly string[]).includes(kinds[0]!)) {
    r.problemSaid(path, f.keyedCheck(KEYED_CHECKS), kinds.length === 0 ? f.onlyKey() : kinds.join(', '));
    return undefined;
  }
  const kind = kinds[0] as (typeof KEYED_CHECKS)[number];
  const value = rest[kind];
  const at = join(path, kind);
  switch (kind) {
    case 'exists':
      if (typeof value !== 'boolean') r.problem(at, f.trueOrFalse(), value);
      return { kind, key, exists: value === true };
    case 'type':
      if (!REDIS_TYPES.includes(value as RedisType)) r.problem(at, f.redisType(REDIS_TYPES), value);
      return { kind, key, type: value as RedisType };
    case 'string':
      return { kind, key, value: scalar(r, value, at) };
    case 'list':
      return { kind, key, values: r.list(value, at, (v, p) => scalar(r, v, p), { min: 1, expected: f.listInOrder() }) };
    case 'set':
      return { kind, key, members: r.list(value, at, (v, p) => scalar(r, v, p), { min: 1, expected: f.members() }) };
    case 'hash': {
      const fields = r.map(value, at) ?? {};
      return { kind, key, fields: Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, scalar(r, v, join(at, f))])) };
    }
    case 'zset': {
      const members = r.map(value, at) ?? {};
      return {
        kind,
        key,
        members: Object.entries(members).map(([member, score]) => ({ member, score: r.number(score, join(at, member), f.score()) })),
      };
    }
    case 'ttl':
      return { kind, key, ttl: readTtl(r, value, at) };
    case 'length':
      return { kind, key, length: r.number(value, at, f.count(), (n) => Number.isInteger(n) && n >= 0) };
  }
}

/** A value as Redis stores it: YAML numbers and booleans are taken as the text they were written as. */
function scalar(r: Reader, value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  r.problem(path, f.scalar(), value);
  return '';
}

function readTtl(r: Reader, value: unknown, path: string): { min: number; max: number } | 'none' {
  if (value === 'none') return 'none';
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n >= 0) && value[0] <= value[1]) {
    return { min: value[0] as number, max: value[1] as number };
  }
  r.problem(path, f.ttl(), value);
  return 'none';
}
