/**
 * Asks `check` every `intervalMs` until it returns something other than undefined, and returns that; after
 * `timeoutMs` rejects with `lastly()`, which says what was still missing. A check that throws is tried again.
 */
export async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number, lastly: () => Error, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const found = await check();
      if (found !== undefined) return found;
    } catch {
      // Not ready yet (a node still starting, a connection lost): the deadline decides.
    }
    if (Date.now() >= deadline) throw lastly();
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
