import { openIn, show } from '../harness/run.js';
import { TransactionTracker, type Normaliser } from '../harness/normalise.js';

/** Replies that depend on the moment, not on behaviour, in a long random run. */
const positiveTtl: Normaliser = (r) => (r.t === ':' && Number(r.v) > 0 ? { t: ':', v: '<positive ttl>' } : r);
const TIMING: Record<string, Normaliser> = { ttl: positiveTtl, pttl: positiveTtl };

/** Runs commands pipelined on a fresh connection (RESP2, or RESP3 after HELLO 3) after FLUSHALL; one stable text per reply. */
export async function runOn(port: number, commands: string[][], batch = 500, resp: 2 | 3 = 2): Promise<string[]> {
  const conn = await openIn(port, resp);
  try {
    conn.send([Buffer.from('FLUSHALL')]);
    await conn.read();
    const out: string[] = [];
    const tx = new TransactionTracker(TIMING);
    for (let i = 0; i < commands.length; i += batch) {
      const slice = commands.slice(i, i + batch);
      for (const args of slice) conn.send(args.map((a) => Buffer.from(a, 'latin1')));
      for (const args of slice) out.push(show(await conn.read(30_000), args, tx));
    }
    return out;
  } finally {
    conn.close();
  }
}

/** Index of the first differing reply between the two servers, or -1. */
export async function firstMismatch(a: number, b: number, commands: string[][], resp: 2 | 3 = 2): Promise<{ index: number; expected: string; actual: string } | undefined> {
  // One server at a time: both start from FLUSHALL, and the runs must not share the machine's time slices oddly.
  const expected = await runOn(a, commands, 500, resp);
  const actual = await runOn(b, commands, 500, resp);
  const index = expected.findIndex((e, i) => e !== actual[i]);
  return index < 0 ? undefined : { index, expected: expected[index]!, actual: actual[index]! };
}

/**
 * Shrinks a failing command list (its last command mismatches) to a short one that still fails:
 * removes ever smaller windows of commands while a mismatch remains.
 */
export async function shrink(a: number, b: number, failing: string[][], maxTrials = 1500, resp: 2 | 3 = 2): Promise<string[][]> {
  let current = failing;
  let trials = 0;
  for (let size = Math.max(1, Math.floor(current.length / 2)); size >= 1; size = Math.floor(size / 2)) {
    let start = 0;
    while (start < current.length - 1 && trials < maxTrials) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      trials++;
      const m = candidate.length > 0 ? await firstMismatch(a, b, candidate, resp) : undefined;
      if (m !== undefined) current = candidate.slice(0, m.index + 1);
      else start += size;
    }
    if (size === 1) break;
  }
  return current;
}
