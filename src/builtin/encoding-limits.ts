import type { ConfigValues } from './persistence/config-params.js';

/**
 * The encoding thresholds of the data types (hash-max-listpack-entries/-value, set-max-intset-entries,
 * zset-max-listpack-entries/-value), as the running configuration sets them. Each engine keeps its own;
 * the one whose command is running is installed in `ENCODING.limits` before the handler runs (one
 * assignment per command), so the data-type code reads them without an engine at hand, and two engines
 * in one process keep their own settings.
 */
export interface EncodingLimits {
  hashEntries: number;
  hashValue: number;
  setIntsetEntries: number;
  zsetEntries: number;
  zsetValue: number;
}

/** A bare redis-server 7.0.15's values. */
export const DEFAULT_LIMITS: Readonly<EncodingLimits> = Object.freeze({ hashEntries: 512, hashValue: 64, setIntsetEntries: 512, zsetEntries: 128, zsetValue: 64 });

export const ENCODING: { limits: Readonly<EncodingLimits> } = { limits: DEFAULT_LIMITS };

/** The configuration parameters the limits come from. */
export const LIMIT_PARAMS: ReadonlySet<string> = new Set([
  'hash-max-listpack-entries',
  'hash-max-listpack-value',
  'set-max-intset-entries',
  'zset-max-listpack-entries',
  'zset-max-listpack-value',
]);

export function limitsFrom(config: ConfigValues): EncodingLimits {
  const n = (key: string, fallback: number): number => {
    const v = Number(config.get(key));
    return Number.isFinite(v) ? v : fallback;
  };
  return {
    hashEntries: n('hash-max-listpack-entries', DEFAULT_LIMITS.hashEntries),
    hashValue: n('hash-max-listpack-value', DEFAULT_LIMITS.hashValue),
    setIntsetEntries: n('set-max-intset-entries', DEFAULT_LIMITS.setIntsetEntries),
    zsetEntries: n('zset-max-listpack-entries', DEFAULT_LIMITS.zsetEntries),
    zsetValue: n('zset-max-listpack-value', DEFAULT_LIMITS.zsetValue),
  };
}
