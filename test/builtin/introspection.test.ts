import { expect, it } from 'vitest';
import { allCommands } from '../../src/builtin/commands/index.js';
import { useRedisAndEngine } from './harness/servers.js';
import { RawConnection } from './harness/connection.js';
import { encodeReply, type Reply } from './harness/resp.js';

// COMMAND INFO and COMMAND DOCS of every command the engine has are Redis's own replies (recorded by
// test/builtin/tools/gen-command-data.mjs): this proves the recording is complete and current.
const servers = useRedisAndEngine();

/**
 * A container's subcommands (CLIENT, OBJECT ...) come from a hash table in Redis, in an order that
 * changes from one redis-server process to the next: those lists are compared sorted.
 */
function canonical(r: Reply): Reply {
  if (r.t !== '*' || r.v === null) return r;
  const items = r.v.map(canonical);
  const byText = (a: Reply | Reply[], b: Reply | Reply[]) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  // COMMAND DOCS: "subcommands" maps each subcommand to its docs, as a flat list of pairs.
  items.forEach((item, i) => {
    const value = items[i + 1];
    if (i % 2 === 0 && item.t === '$' && item.v === 'subcommands' && value?.t === '*' && value.v !== null) {
      const pairs: Reply[][] = [];
      for (let j = 0; j < value.v.length; j += 2) pairs.push([value.v[j]!, value.v[j + 1]!]);
      items[i + 1] = { t: '*', v: pairs.sort(byText).flat() };
    }
  });
  // COMMAND INFO: the subcommands are an array of arrays.
  const nested = items.length > 0 && items.every((x) => x.t === '*');
  return { t: '*', v: nested ? items.sort(byText) : items };
}

async function ask(port: number, requests: string[][]): Promise<string[]> {
  const conn = await RawConnection.open(port);
  for (const args of requests) conn.send(args.map((a) => Buffer.from(a)));
  const out: string[] = [];
  for (let i = 0; i < requests.length; i++) {
    const reply = await conn.read();
    out.push(reply === undefined ? '<none>' : encodeReply(canonical(reply)));
  }
  conn.close();
  return out;
}

it('answers COMMAND INFO and COMMAND DOCS for each of its commands exactly as Redis 7.0 does', async () => {
  const names = allCommands.map((c) => c.name);
  const requests = names.flatMap((n) => [
    ['COMMAND', 'INFO', n],
    ['COMMAND', 'DOCS', n],
  ]);
  const [expected, actual] = await Promise.all([ask(servers.redisPort, requests), ask(servers.enginePort, requests)]);
  const differing = requests.filter((_, i) => expected[i] !== actual[i]).map((r) => r.join(' '));
  expect(differing).toEqual([]);
});

it('counts its own commands in COMMAND COUNT and lists them in COMMAND', async () => {
  const [count, all] = await ask(servers.enginePort, [['COMMAND', 'COUNT'], ['COMMAND']]);
  expect(count).toBe(`:${allCommands.length}\r\n`);
  expect(all!.startsWith(`*${allCommands.length}\r\n`)).toBe(true);
});
