import { OUTPUT_LIMITS_DEFAULT, parseOutputLimits } from '../output-limits.js';
import { parseBool, parseEnum, parseKeyspaceEvents, parseNumeric, parseSave, type NumericRule, type Parsed } from './config-values.js';

/**
 * The parameters the engine has, with Redis 7.0.15's names, aliases, defaults and rules. Values are kept
 * as the text CONFIG GET prints. `protected`/`immutable` parameters are refused by CONFIG SET as Redis
 * 7.0 refuses them (dir and dbfilename are protected configs there; enable-protected-configs is off).
 */
export interface ConfigParam {
  name: string;
  /** The name the value is stored under (an alias reads and writes its parameter's value). */
  key: string;
  /** A bare redis-server 7.0.15's value; per-engine ones (dir, port) are filled in at start. */
  default: string;
  /** The value as CONFIG GET will print it, or Redis's error text. */
  parse?: (text: string) => Parsed;
  refuse?: 'protected' | 'immutable';
  /** CONFIG GET's text for the stored value, when it differs from it. */
  show?: (stored: string) => string;
}

const LONG_MAX = 2n ** 63n - 1n;
const INT_MAX = 2n ** 31n - 1n;
const INT_MIN = -(2n ** 31n);

const numeric = (rule: NumericRule) => (text: string) => parseNumeric(text, rule);
const size = numeric({ min: 0n, max: LONG_MAX });
const bytes = numeric({ min: 0n, max: LONG_MAX, memory: true });

export const MAXMEMORY_POLICIES = ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'];
export const APPENDFSYNC = ['everysec', 'always', 'no'];

/** Redis's defaults for persistence, which `control.fresh()` starts from. */
export const REDIS_SAVE_DEFAULT = '3600 1 300 100 60 10000';

type Spec = Omit<ConfigParam, 'name' | 'key'> & { aliases?: string[] };

const SPECS: Record<string, Spec> = {
  save: { default: REDIS_SAVE_DEFAULT, parse: parseSave },
  appendonly: { default: 'no', parse: parseBool },
  appendfsync: { default: 'everysec', parse: (t) => parseEnum(t, APPENDFSYNC) },
  dir: { default: '', refuse: 'protected' },
  dbfilename: { default: 'dump.rdb', refuse: 'protected' },
  appendfilename: { default: 'appendonly.aof', refuse: 'immutable' },
  appenddirname: { default: 'appendonlydir', refuse: 'immutable' },
  maxmemory: { default: '0', parse: numeric({ min: 0n, max: 2n ** 64n - 1n, memory: true }) },
  'maxmemory-policy': { default: 'noeviction', parse: (t) => parseEnum(t, MAXMEMORY_POLICIES) },
  'maxmemory-samples': { default: '5', parse: numeric({ min: 1n, max: INT_MAX }) },
  'client-output-buffer-limit': { default: OUTPUT_LIMITS_DEFAULT, parse: parseOutputLimits },
  databases: { default: '16', refuse: 'immutable' },
  port: { default: '6379', parse: numeric({ min: 0n, max: 65535n }) },
  bind: { default: '127.0.0.1' },
  hz: { default: '10', parse: (t) => clampHz(parseNumeric(t, { min: 0n, max: INT_MAX })) },
  'notify-keyspace-events': { default: '', parse: parseKeyspaceEvents, show: (v) => v.replace('n', '') },
  'hash-max-listpack-entries': { default: '512', parse: size, aliases: ['hash-max-ziplist-entries'] },
  'hash-max-listpack-value': { default: '64', parse: bytes, aliases: ['hash-max-ziplist-value'] },
  'set-max-intset-entries': { default: '512', parse: size },
  'zset-max-listpack-entries': { default: '128', parse: size, aliases: ['zset-max-ziplist-entries'] },
  'zset-max-listpack-value': { default: '64', parse: bytes, aliases: ['zset-max-ziplist-value'] },
  'list-max-listpack-size': { default: '-2', parse: numeric({ min: INT_MIN, max: INT_MAX }), aliases: ['list-max-ziplist-size'] },
  // Set by Redis's test suite per block or between tests; stored (list-compress-depth shows in DEBUG OBJECT).
  'list-compress-depth': { default: '0', parse: numeric({ min: 0n, max: INT_MAX }) },
  'proto-max-bulk-len': { default: '536870912', parse: numeric({ min: 1048576n, max: LONG_MAX, memory: true }) },
  'client-query-buffer-limit': { default: '1073741824', parse: numeric({ min: 1048576n, max: LONG_MAX, memory: true }) },
  'rdb-key-save-delay': { default: '0', parse: numeric({ min: INT_MIN, max: INT_MAX }) },
  'busy-reply-threshold': { default: '5000', parse: numeric({ min: 0n, max: LONG_MAX }), aliases: ['lua-time-limit'] },
  'min-replicas-to-write': { default: '0', parse: numeric({ min: 0n, max: INT_MAX }), aliases: ['min-slaves-to-write'] },
  'replica-serve-stale-data': { default: 'yes', parse: parseBool, aliases: ['slave-serve-stale-data'] },
  'replica-read-only': { default: 'yes', parse: parseBool, aliases: ['slave-read-only'] },
  'aof-use-rdb-preamble': { default: 'yes', parse: parseBool },
  'lazyfree-lazy-user-flush': { default: 'no', parse: parseBool },
  masterauth: { default: '' },
  'repl-ping-replica-period': { default: '10', parse: numeric({ min: 1n, max: INT_MAX }), aliases: ['repl-ping-slave-period'] },
  'stream-node-max-entries': { default: '100', parse: numeric({ min: 0n, max: LONG_MAX }) },
  'stream-node-max-bytes': { default: '4096', parse: bytes },
  'hll-sparse-max-bytes': { default: '3000', parse: bytes },
};

/** Redis keeps hz between 1 and 500 (CONFIG GET shows the clamped value). */
function clampHz(parsed: Parsed): Parsed {
  if ('err' in parsed) return parsed;
  return { ok: String(Math.min(500, Math.max(1, Number(parsed.ok)))) };
}

/** Every name CONFIG GET and SET know, aliases included, by lower-case name. */
export const CONFIG_PARAMS: ReadonlyMap<string, ConfigParam> = new Map(
  Object.entries(SPECS).flatMap(([name, spec]) =>
    [name, ...(spec.aliases ?? [])].map((n): [string, ConfigParam] => [n, { name: n, key: name, default: spec.default, parse: spec.parse, refuse: spec.refuse, show: spec.show }]),
  ),
);

/** The stored values: one per parameter (aliases share it). */
export type ConfigValues = Map<string, string>;

export function defaultValues(overrides: Record<string, string>): ConfigValues {
  const values: ConfigValues = new Map();
  for (const [name, spec] of Object.entries(SPECS)) values.set(name, spec.default);
  for (const [name, value] of Object.entries(overrides)) values.set(name, value);
  return values;
}
