/** Edit distance with adjacent swaps counted as one edit (`mesage`→`message` is 1, `chta`→`chat` is 1). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate that `wanted` was most likely meant to be, if one is close: a case-only difference, or a
 * few edits on a long enough name (one edit per three characters, at most two).
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    if (name === wanted) continue;
    const caseOnly = name.toLowerCase() === wanted.toLowerCase();
    const score = caseOnly ? 0.5 : distance(wanted, name);
    // Names of one or two characters are too short for an edit to say anything.
    const allowed = Math.min(2, Math.floor(Math.max(wanted.length, name.length) / 3));
    if ((caseOnly || score <= allowed) && (best === undefined || score < best.score)) best = { name, score };
  }
  return best?.name;
}
