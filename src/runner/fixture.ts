import { FIXTURE_INDEX } from '../course/lines.js';
import { parseCommandLine } from '../repl/parse.js';
import type { RespClient } from '../resp/client.js';

/** Commands sent before waiting for their replies: one write each batch, and a bounded number in flight. */
const BATCH = 2000;

/** What a fixture did: seconds it took, and the first error a command answered (it stops there). */
export interface Loaded {
  seconds: number;
  error?: string;
}

/**
 * R14: runs `command` `count` times, `{i}` standing for 1, 2 ... count, pipelined in batches: 100,000
 * SETs take well under a second where one round trip each would take many. Stops at the first batch
 * with an error reply, and says which.
 */
export async function loadFixture(client: RespClient, count: number, command: string): Promise<Loaded> {
  const parsed = parseCommandLine(command);
  if (parsed.kind !== 'command') throw new Error(`a fixture command that does not split: ${command}`);
  const template = parsed.args.map((a) => a.toString('utf8'));
  const began = performance.now();
  for (let from = 1; from <= count; from += BATCH) {
    const calls = [];
    for (let i = from; i < Math.min(from + BATCH, count + 1); i++) {
      const n = String(i);
      calls.push(client.call(template.map((a) => a.replaceAll(FIXTURE_INDEX, n))));
    }
    const failed = (await Promise.all(calls)).find((r) => r.type === 'error');
    if (failed?.type === 'error') return { seconds: (performance.now() - began) / 1000, error: failed.value };
  }
  return { seconds: (performance.now() - began) / 1000 };
}
