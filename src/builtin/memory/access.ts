import { TRACK_LFU, TRACK_LRU, type Track } from './tally.js';

/**
 * A key's access state for eviction, in 24 bits as Redis keeps it in its robj (so it is always a small
 * integer, never a boxed double on the key's entry): for LRU Redis's LRU clock, the seconds of the last
 * access modulo 2^24; for LFU the minute of the last decrement modulo 2^16 times 256 plus a logarithmic
 * counter (Redis's LFULogIncr with lfu-log-factor 10, decay by one per lfu-decay-time minute).
 */
const LFU_INIT = 5;
const LOG_FACTOR = 10;
const DECAY_MINUTES = 1;
/** LRU_CLOCK_MAX: the LRU clock wraps after 2^24 seconds (194 days). */
const LRU_MAX = (1 << 24) - 1;
/** The LFU's minutes wrap after 2^16. */
const MINUTES_MAX = 65535;

const lruClock = (now: number): number => Math.floor(now / 1000) & LRU_MAX;
const minutes = (now: number): number => Math.floor(now / 60000) & MINUTES_MAX;

/** The state a new key starts with. */
export function fresh(track: Track, now: number): number {
  if (track === TRACK_LRU) return lruClock(now);
  if (track === TRACK_LFU) return minutes(now) * 256 + LFU_INIT;
  return 0;
}

/** The state after an access. */
export function accessed(track: Track, state: number, now: number): number {
  if (track === TRACK_LRU) return lruClock(now);
  let counter = lfuCounter(state, now);
  if (counter < 255) {
    const base = Math.max(0, counter - LFU_INIT);
    if (Math.random() < 1 / (base * LOG_FACTOR + 1)) counter++;
  }
  return minutes(now) * 256 + counter;
}

/** How long ago (ms, in whole seconds) an LRU state was last accessed (Redis's estimateObjectIdleTime). */
export function idleMs(state: number, now: number): number {
  const clock = lruClock(now);
  return (clock >= state ? clock - state : clock + (LRU_MAX - state)) * 1000;
}

/** The LRU state of a key idle for `seconds` (RESTORE ... IDLETIME, as Redis's objectSetLRUOrLFU). */
export function idleState(seconds: number, now: number): number {
  const clock = lruClock(now);
  const at = clock - seconds;
  return at < 0 ? (clock + Math.floor(LRU_MAX / 2)) % LRU_MAX : at;
}

/** The LFU state of a key with counter `frequency` (RESTORE ... FREQ). */
export const frequencyState = (frequency: number, now: number): number => minutes(now) * 256 + frequency;

/** The LFU counter once decayed for the minutes since its last decrement (Redis's LFUDecrAndReturn). */
export function lfuCounter(state: number, now: number): number {
  const counter = state & 255;
  const last = state >> 8;
  const current = minutes(now);
  const elapsed = current >= last ? current - last : MINUTES_MAX - last + current;
  const periods = Math.floor(elapsed / DECAY_MINUTES);
  return periods > 0 ? Math.max(0, counter - periods) : counter;
}
