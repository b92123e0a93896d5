import type { CommandContext } from '../types.js';

/** stream-node-max-entries and stream-node-max-bytes: where XADD closes a node and opens the next. */
export interface NodeLimits {
  /** 0: no limit on entries. */
  maxEntries: number;
  maxBytes: number;
}

/** A listpack's ceiling (STREAM_LISTPACK_MAX_SIZE), also used for stream-node-max-bytes 0. */
const LISTPACK_MAX = 2 ** 30;

export const DEFAULT_LIMITS: NodeLimits = { maxEntries: 100, maxBytes: 4096 };

/**
 * The limits as the engine's configuration has them (CONFIG SET may change them, as on Redis), or
 * Redis's defaults when the engine keeps no configuration.
 */
export function nodeLimits(ctx: CommandContext): NodeLimits {
  const config = (ctx.engine as { config?: ReadonlyMap<string, string> }).config;
  const entries = Number(config?.get('stream-node-max-entries') ?? DEFAULT_LIMITS.maxEntries);
  const bytes = Number(config?.get('stream-node-max-bytes') ?? DEFAULT_LIMITS.maxBytes);
  return { maxEntries: entries, maxBytes: bytes === 0 || bytes > LISTPACK_MAX ? LISTPACK_MAX : bytes };
}

/** What `~` trims at most without LIMIT: 100 nodes' worth, kept between 10,000 and 1,000,000 entries. */
export function defaultTrimLimit(limits: NodeLimits): number {
  const limit = 100 * limits.maxEntries;
  return limit <= 0 ? 10_000 : Math.min(limit, 1_000_000);
}
