import type { Engine } from '../engine.js';
import { BASELINE_BYTES } from '../memory.js';
import { memoryFigures } from './memory.js';

/** Redis's bytesToHuman: B, K, M, G with two decimals. */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

/** INFO memory: Redis's field names, figures from the estimate (the RSS is the process's own). */
export function memoryInfo(engine: Engine): string[] {
  const { used, dataset, peak, overhead } = memoryFigures(engine);
  const rss = process.memoryUsage.rss();
  const max = engine.memory.maxBytes;
  return [
    `used_memory:${used}`,
    `used_memory_human:${bytesToHuman(used)}`,
    `used_memory_rss:${rss}`,
    `used_memory_rss_human:${bytesToHuman(rss)}`,
    `used_memory_peak:${peak}`,
    `used_memory_peak_human:${bytesToHuman(peak)}`,
    `used_memory_peak_perc:${((used * 100) / peak).toFixed(2)}%`,
    `used_memory_overhead:${overhead}`,
    `used_memory_startup:${BASELINE_BYTES}`,
    `used_memory_dataset:${dataset}`,
    `used_memory_dataset_perc:${used - BASELINE_BYTES <= 0 ? '0.00' : ((dataset * 100) / (used - BASELINE_BYTES)).toFixed(2)}%`,
    `maxmemory:${max}`,
    `maxmemory_human:${bytesToHuman(max)}`,
    `maxmemory_policy:${engine.config.get('maxmemory-policy')}`,
  ];
}

/** INFO stats: the eviction counters (the rest of Redis's stats are not kept). */
export function statsInfo(engine: Engine): string[] {
  return [`evicted_keys:${engine.memory.evictedKeys}`, `evicted_clients:0`];
}
