import { TRACK_LFU, TRACK_LRU, type Track } from './tally.js';

/**
 * A key's access state for eviction, one number per key as Redis keeps 24 bits in its robj: for LRU the
 * time of the last access (ms); for LFU the minute of the last decrement times 256 plus a logarithmic
 * counter (Redis's LFULogIncr with lfu-log-factor 10, decay by one per lfu-decay-time minute).
 */
const LFU_INIT = 5;
const LOG_FACTOR = 10;
const DECAY_MINUTES = 1;

const minutes = (now: number): number => Math.floor(now / 60000);

/** The state a new key starts with. */
export function fresh(track: Track, now: number): number {
  if (track === TRACK_LRU) return now;
  if (track === TRACK_LFU) return minutes(now) * 256 + LFU_INIT;
  return 0;
}

/** The state after an access. */
export function accessed(track: Track, state: number, now: number): number {
  if (track === TRACK_LRU) return now;
  let counter = lfuCounter(state, now);
  if (counter < 255) {
    const base = Math.max(0, counter - LFU_INIT);
    if (Math.random() < 1 / (base * LOG_FACTOR + 1)) counter++;
  }
  return minutes(now) * 256 + counter;
}

/** The LFU counter once decayed for the minutes since its last decrement (Redis's LFUDecrAndReturn). */
export function lfuCounter(state: number, now: number): number {
  const counter = state % 256;
  const periods = Math.floor((minutes(now) - Math.floor(state / 256)) / DECAY_MINUTES);
  return periods > 0 ? Math.max(0, counter - periods) : counter;
}
