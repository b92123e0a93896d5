/**
 * Save points (`save 3600 1 300 100`): a snapshot is due when at least `changes` writes happened and
 * more than `seconds` have passed since the last save, as Redis's serverCron checks them (so `save 60 0`
 * saves every minute whatever happens).
 */
export interface SavePoint {
  seconds: number;
  changes: number;
}

/** The points in CONFIG GET's text ("" for none). */
export function savePoints(text: string): SavePoint[] {
  const words = text === '' ? [] : text.split(' ').map(Number);
  const points: SavePoint[] = [];
  for (let i = 0; i + 1 < words.length; i += 2) points.push({ seconds: words[i]!, changes: words[i + 1]! });
  return points;
}

/** Both times in whole unix seconds, as Redis compares them. */
export function saveDue(points: readonly SavePoint[], dirty: number, nowSec: number, lastSaveSec: number): boolean {
  return points.some((p) => dirty >= p.changes && nowSec - lastSaveSec > p.seconds);
}
