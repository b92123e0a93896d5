/**
 * Compares dotted versions: is `version` at least `min`? Unknown versions pass. A module of its own so that
 * what only compares versions (`list`'s step guards) does not load the client and its network modules.
 */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  if (a.some(Number.isNaN)) return true;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
