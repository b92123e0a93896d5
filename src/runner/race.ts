import type { Endpoint } from '../connection/options.js';
import { parseCommandLine } from '../repl/parse.js';
import { RespClient } from '../resp/client.js';
import type { RespReply } from '../resp/types.js';

/** `{n+1}` in a race script: the previous command's integer reply plus one (a nil counts as 0). */
const NEXT = '{n+1}';

/**
 * R16: `clients` connections at once, each running `script` `times` times, one command at a time, as
 * real app servers would (GET, then SET of what it read plus one: the lost-update race). Returns the
 * seconds it took. The connections are closed however it ends.
 */
export async function race(endpoint: Endpoint, db: number, clients: number, times: number, script: readonly string[]): Promise<number> {
  const parsed = script.map((line) => {
    const p = parseCommandLine(line);
    if (p.kind !== 'command') throw new Error(`a race command that does not split: ${line}`);
    return p.args.map((a) => a.toString('utf8'));
  });
  const opened: RespClient[] = [];
  const began = performance.now();
  try {
    for (let i = 0; i < clients; i++) opened.push(await RespClient.connect(endpoint, { db }));
    await Promise.all(
      opened.map(async (client) => {
        for (let t = 0; t < times; t++) {
          let previous: RespReply | undefined;
          for (const args of parsed) previous = await client.call(args.map((a) => (a === NEXT ? String(plusOne(previous)) : a)));
        }
      }),
    );
  } finally {
    for (const client of opened) client.close();
  }
  return (performance.now() - began) / 1000;
}

function plusOne(reply: RespReply | undefined): bigint {
  if (reply?.type === 'integer') return reply.value + 1n;
  if (reply?.type === 'bulk' && reply.value !== null && /^-?\d+$/.test(reply.value.toString())) return BigInt(reply.value.toString()) + 1n;
  return 1n;
}
