import { KEYED_CHECKS, REDIS_TYPES, UNKEYED_CHECKS, type Check, type ReceivedCheck, type RedisType, type StreamGroupCheck } from './schema.js';
import { formatMsg as f } from './format-messages.js';
import { join, type Reader } from './problems.js';
import { readText } from './read-text.js';

const COMMAND_NAME = { re: /^[A-Za-z][A-Za-z0-9|._-]*$/, expected: f.commandName() };

/** Reads one check map (see `Check`), collecting problems in `r`. */
export function readCheck(r: Reader, raw: unknown, path: string): Check | undefined {
  const whole = r.map(raw, path);
  if (!whole) return undefined;
  const { message, ...map } = whole;
  const check = readBody(r, map, path);
  if (check === undefined || message === undefined) return check;
  return { ...check, message: readText(r, message, join(path, 'message')) };
}

function readBody(r: Reader, map: Record<string, unknown>, path: string): Check | undefined {
  const { key: rawKey, ...rest } = map;
  const kinds = Object.keys(rest);
  if (rawKey === undefined) return readUnkeyed(r, map, kinds, path);
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
    case 'hash':
    case 'hash_exact': {
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
    case 'stream':
      return { kind, key, entries: r.list(value, at, (v, p) => fieldMap(r, v, p), { min: 1, expected: f.streamEntries() }) };
    case 'stream_last':
      return { kind, key, fields: fieldMap(r, value, at) };
    case 'group':
      return { kind, key, group: readGroup(r, value, at) };
  }
}

/** An entry's or a hash's fields: `{user: bob, text: hello}`, values as Redis stores them. */
function fieldMap(r: Reader, value: unknown, path: string): Record<string, string> {
  const fields = r.map(value, path) ?? {};
  if (Object.keys(fields).length === 0) r.problem(path, f.fieldValues(), value);
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, scalar(r, v, join(path, k))]));
}

const count = (r: Reader, value: unknown, path: string) => r.number(value, path, f.count(), (n) => Number.isInteger(n) && n >= 0);

function readGroup(r: Reader, value: unknown, path: string): StreamGroupCheck {
  const map = r.map(value, path) ?? {};
  const { name, pending, consumers, last_delivered: lastDelivered, ...extra } = map;
  for (const field of Object.keys(extra)) r.problemSaid(join(path, field), f.groupFields(), f.unknownField(field));
  return {
    name: r.string(name, join(path, 'name')),
    ...(pending === undefined ? {} : { pending: count(r, pending, join(path, 'pending')) }),
    ...(consumers === undefined ? {} : { consumers: count(r, consumers, join(path, 'consumers')) }),
    ...(lastDelivered === undefined ? {} : { lastDelivered: r.string(lastDelivered, join(path, 'last_delivered'), { re: /^\d+-\d+$/, expected: f.streamId() }) }),
  };
}

function readReceived(r: Reader, value: unknown, path: string): ReceivedCheck {
  const map = r.map(value, path) ?? {};
  const { on, channel, message, pattern, count: n, ...extra } = map;
  for (const field of Object.keys(extra)) r.problemSaid(join(path, field), f.receivedFields(), f.unknownField(field));
  return {
    on: r.string(on, join(path, 'on'), { re: /^[B-Z]$/, expected: f.connectionName() }),
    channel: scalar(r, channel, join(path, 'channel')),
    ...(message === undefined ? {} : { message: scalar(r, message, join(path, 'message')) }),
    ...(pattern === undefined ? {} : { pattern: scalar(r, pattern, join(path, 'pattern')) }),
    ...(n === undefined ? {} : { count: count(r, n, join(path, 'count')) }),
  };
}

function readUnkeyed(r: Reader, map: Record<string, unknown>, kinds: string[], path: string): Check | undefined {
  // `args` goes with `command`, `value` with `config`; every other unkeyed check stands alone.
  const main = kinds.filter((k) => k !== 'args' && k !== 'value');
  if (main.length !== 1 || !(UNKEYED_CHECKS as readonly string[]).includes(main[0]!)) {
    r.problemSaid(path, f.checkForms(UNKEYED_CHECKS), f.checkWith(kinds));
    return undefined;
  }
  const kind = main[0] as (typeof UNKEYED_CHECKS)[number];
  if (kinds.includes('args') && kind !== 'command') r.problemSaid(join(path, 'args'), f.argsBeside(), f.unknownField('args'));
  if (kinds.includes('value') !== (kind === 'config')) r.problemSaid(join(path, 'value'), f.valueBeside(), kind === 'config' ? f.missingField('value') : f.unknownField('value'));
  const value = map[kind];
  const at = join(path, kind);
  switch (kind) {
    case 'reply':
      return { kind, reply: r.string(value, at) };
    case 'reply_matches': {
      const pattern = r.string(value, at);
      try {
        new RegExp(pattern);
      } catch {
        r.problem(at, f.pattern(), value);
      }
      return { kind, pattern };
    }
    case 'reply_unordered':
      return { kind, items: r.list(value, at, (v, p) => scalar(r, v, p), { expected: f.members() }) };
    case 'seen_items':
      return { kind, items: oneOrMany(value).map((v, i) => scalar(r, v, Array.isArray(value) ? `${at}[${i}]` : at)) };
    case 'replies_include':
      return { kind, replies: oneOrMany(value).map((v, i) => r.string(v, Array.isArray(value) ? `${at}[${i}]` : at, { re: /[\s\S]/, expected: f.replies() })) };
    case 'stdout_includes':
      return { kind, texts: oneOrMany(value).map((v, i) => scalar(r, v, Array.isArray(value) ? `${at}[${i}]` : at)) };
    case 'stdout_matches': {
      const pattern = r.string(value, at);
      try {
        new RegExp(pattern, 'm');
      } catch {
        r.problem(at, f.pattern(), value);
      }
      return { kind, pattern };
    }
    case 'uses':
    case 'not_uses':
      return { kind, commands: commandNames(r, value, at) };
    case 'command': {
      const name = r.string(value, at, COMMAND_NAME).toUpperCase();
      if (map.args === undefined) return { kind, name };
      return { kind, name, args: r.list(map.args, join(path, 'args'), (v, p) => scalar(r, v, p)) };
    }
    case 'received':
      return { kind, received: readReceived(r, value, at) };
    case 'config':
      return { kind, name: r.string(value, at, { re: /^[a-z][a-z0-9-]*$/, expected: f.configName() }), value: scalar(r, map.value ?? '', join(path, 'value')) };
    case 'any_of': {
      const groups = r.list(value, at, (g, p) => r.list(g, p, (c, q) => readCheck(r, c, q), { min: 1, expected: f.checks() }), { min: 2, expected: f.groups() });
      return { kind, groups: groups.map((g) => g.filter((c): c is Check => c !== undefined)) };
    }
  }
}

function oneOrMany(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function commandNames(r: Reader, value: unknown, path: string): string[] {
  if (Array.isArray(value) && value.length === 0) r.problem(path, f.commandNames(), value);
  return oneOrMany(value).map((v, i) => r.string(v, Array.isArray(value) ? `${path}[${i}]` : path, { ...COMMAND_NAME, expected: f.commandNames() }).toUpperCase());
}

/** A value as Redis stores it: YAML numbers and booleans are taken as the text they were written as. */
export function scalar(r: Reader, value: unknown, path: string): string {
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
