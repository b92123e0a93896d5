/** Redis Cluster's hash slots: 0 to 16383. */
export const SLOT_COUNT = 16384;

/** A run of slots, both ends included, as CLUSTER ADDSLOTSRANGE and CLUSTER SLOTS give them. */
export type SlotRange = readonly [first: number, last: number];

/**
 * The slots split among `primaries` as `redis-cli --cluster create` splits them (a running fractional cursor,
 * each end rounded, the last primary taking what remains): for three, 0-5460, 5461-10922, 10923-16383.
 */
export function splitSlots(primaries: number): SlotRange[] {
  const share = SLOT_COUNT / primaries;
  const ranges: SlotRange[] = [];
  let first = 0;
  let cursor = 0;
  for (let i = 0; i < primaries; i++) {
    let last = Math.round(cursor + share - 1);
    if (last > SLOT_COUNT - 1 || i === primaries - 1) last = SLOT_COUNT - 1;
    if (last < first) last = first;
    ranges.push([first, last]);
    first = last + 1;
    cursor += share;
  }
  return ranges;
}

/** "0-5460 10923-16383": ranges as a learner reads them ("7" for a single slot). */
export function formatSlots(ranges: readonly SlotRange[]): string {
  return ranges.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`)).join(' ');
}
